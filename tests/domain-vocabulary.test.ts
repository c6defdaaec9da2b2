// The domain's words (lib/domain/vocabulary.ts) and the database's enums (prisma/schema.prisma,
// generated per engine into lib/generated/) are necessarily written twice: the domain imports
// nothing of ours, and Prisma generates its own. This proves they are the same words — the types
// at compile time (npm run typecheck), the values at run time (npm test) — so neither can drift.
import { describe, expect, expectTypeOf, it } from "vitest";
import * as domain from "../lib/domain/vocabulary";
import * as postgres from "../lib/generated/postgres/enums";
import * as sqlite from "../lib/generated/sqlite/enums";

type Enum = Record<string, string>;

// Each database enum with the domain tuple that must hold exactly its values.
const PAIRS: Array<[name: keyof typeof sqlite, tuple: readonly string[], sqliteEnum: Enum, postgresEnum: Enum]> = [
  ["Role", domain.ROLES, sqlite.Role, postgres.Role],
  ["ProposalState", domain.PROPOSAL_STATES, sqlite.ProposalState, postgres.ProposalState],
  ["VersionKind", domain.VERSION_KINDS, sqlite.VersionKind, postgres.VersionKind],
  ["VoteRule", domain.VOTE_RULES, sqlite.VoteRule, postgres.VoteRule],
  ["VoteStatus", domain.VOTE_STATUSES, sqlite.VoteStatus, postgres.VoteStatus],
  ["FloorStatus", domain.FLOOR_STATUSES, sqlite.FloorStatus, postgres.FloorStatus],
  ["BallotChoice", domain.BALLOT_CHOICES, sqlite.BallotChoice, postgres.BallotChoice],
  ["EditingMode", domain.EDITING_MODES, sqlite.EditingMode, postgres.EditingMode],
  ["AmendmentStatus", domain.AMENDMENT_STATUSES, sqlite.AmendmentStatus, postgres.AmendmentStatus],
  ["Stance", domain.STANCES, sqlite.Stance, postgres.Stance],
  ["CommentVisibility", domain.COMMENT_VISIBILITIES, sqlite.CommentVisibility, postgres.CommentVisibility],
  ["ClauseStatus", domain.CLAUSE_STATUSES, sqlite.ClauseStatus, postgres.ClauseStatus],
  ["BracketStatus", domain.BRACKET_STATUSES, sqlite.BracketStatus, postgres.BracketStatus],
];

const sorted = (values: Iterable<string>) => [...values].sort();

describe("domain vocabulary = database enums", () => {
  it.each(PAIRS)("%s has the database's values, no more and no fewer", (_, tuple, sqliteEnum, postgresEnum) => {
    expect(sorted(tuple)).toEqual(sorted(Object.values(sqliteEnum)));
    expect(sorted(tuple)).toEqual(sorted(Object.values(postgresEnum)));
  });

  it("every database enum has its domain tuple", () => {
    expect(sorted(PAIRS.map(([name]) => name))).toEqual(sorted(Object.keys(sqlite)));
    expect(sorted(Object.keys(postgres))).toEqual(sorted(Object.keys(sqlite)));
  });

  it("the types are identical (checked by the type checker)", () => {
    expectTypeOf<domain.Role>().toEqualTypeOf<sqlite.Role>();
    expectTypeOf<domain.Role>().toEqualTypeOf<postgres.Role>();
    expectTypeOf<domain.ProposalState>().toEqualTypeOf<sqlite.ProposalState>();
    expectTypeOf<domain.ProposalState>().toEqualTypeOf<postgres.ProposalState>();
    expectTypeOf<domain.VersionKind>().toEqualTypeOf<sqlite.VersionKind>();
    expectTypeOf<domain.VersionKind>().toEqualTypeOf<postgres.VersionKind>();
    expectTypeOf<domain.VoteRule>().toEqualTypeOf<sqlite.VoteRule>();
    expectTypeOf<domain.VoteRule>().toEqualTypeOf<postgres.VoteRule>();
    expectTypeOf<domain.VoteStatus>().toEqualTypeOf<sqlite.VoteStatus>();
    expectTypeOf<domain.VoteStatus>().toEqualTypeOf<postgres.VoteStatus>();
    expectTypeOf<domain.FloorStatus>().toEqualTypeOf<sqlite.FloorStatus>();
    expectTypeOf<domain.FloorStatus>().toEqualTypeOf<postgres.FloorStatus>();
    expectTypeOf<domain.BallotChoice>().toEqualTypeOf<sqlite.BallotChoice>();
    expectTypeOf<domain.BallotChoice>().toEqualTypeOf<postgres.BallotChoice>();
    expectTypeOf<domain.EditingMode>().toEqualTypeOf<sqlite.EditingMode>();
    expectTypeOf<domain.AmendmentStatus>().toEqualTypeOf<postgres.AmendmentStatus>();
    expectTypeOf<domain.Stance>().toEqualTypeOf<sqlite.Stance>();
    expectTypeOf<domain.CommentVisibility>().toEqualTypeOf<postgres.CommentVisibility>();
    expectTypeOf<domain.ClauseStatus>().toEqualTypeOf<sqlite.ClauseStatus>();
    expectTypeOf<domain.ClauseStatus>().toEqualTypeOf<postgres.ClauseStatus>();
    expectTypeOf<domain.BracketStatus>().toEqualTypeOf<sqlite.BracketStatus>();
    expectTypeOf<domain.BracketStatus>().toEqualTypeOf<postgres.BracketStatus>();
  });
});
