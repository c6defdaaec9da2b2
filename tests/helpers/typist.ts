// A person typing for the durability suites: every word is a unique token, and the tokens typed
// before each "All changes saved" are remembered as acknowledged — the promise under test.
import * as Y from "yjs";
import { openSocket } from "./test-server.ts";
import { ProposalProvider, type ProviderSocket, type SaveStatus } from "../../lib/realtime/proposal-provider.ts";

export function firstParagraph(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

export class Typist {
  readonly doc = new Y.Doc();
  readonly typed: string[] = [];
  readonly acknowledged = new Set<string>();
  /** Every status the editor showed, in order (consecutive repeats folded). */
  readonly statuses: SaveStatus[] = [];
  provider: ProposalProvider | null = null;
  socket: ProviderSocket | null = null;
  constructor(readonly name: string) {}

  async connect(url: string, secret: string, userId: string, proposalId: string): Promise<void> {
    this.socket = await openSocket({ url, secret }, userId);
    this.provider = new ProposalProvider(this.socket, proposalId, { doc: this.doc });
    this.provider.on("change", () => {
      const status = this.provider!.status;
      if (this.statuses.at(-1) !== status) this.statuses.push(status);
      // "All changes saved" covers everything typed so far.
      if (status === "saved") for (const t of this.typed) this.acknowledged.add(t);
    });
    await this.provider.whenSynced();
  }

  type(): void {
    const token = `${this.name}${this.typed.length};`;
    this.typed.push(token);
    firstParagraph(this.doc).insert(0, token);
  }

  disconnect(): void {
    this.provider?.destroy();
    this.socket?.disconnect();
  }
}
