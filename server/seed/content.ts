// Demo workshop content: four starting drafts written from the facts of the workshop's
// background paper (own wording). Documents are TipTap/ProseMirror JSON (StarterKit nodes).
export type PmMark = { type: "bold" | "italic" };
export type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: PmMark[] };
export type DemoProposal = { title: string; summary: string; doc: PmNode };

// Small builders to keep the documents readable. A string is plain text;
// a tuple [text, mark] is formatted text.
type Inline = string | [string, PmMark["type"]];

function inline(parts: Inline[]): PmNode[] {
  return parts.map((p) =>
    typeof p === "string" ? { type: "text", text: p } : { type: "text", text: p[0], marks: [{ type: p[1] }] },
  );
}
function h(level: 2 | 3, text: string): PmNode {
  return { type: "heading", attrs: { level }, content: inline([text]) };
}
function p(...parts: Inline[]): PmNode {
  return { type: "paragraph", content: inline(parts) };
}
function ol(...items: Inline[][]): PmNode {
  return { type: "orderedList", attrs: { start: 1 }, content: items.map((i) => ({ type: "listItem", content: [p(...i)] })) };
}
function draft(title: string, preamble: PmNode[], clauses: Inline[][]): PmNode {
  return { type: "doc", content: [h(2, title), ...preamble, h(3, "Operative clauses"), ol(...clauses)] };
}

export const DEMO_WORKSHOP = {
  title: "China–Japan Economic and Trade Cooperation under COVID-19",
  description:
    "Delegations explore how China and Japan, together with the Republic of Korea and ASEAN, can keep regional production networks working and support recovery as the pandemic continues. " +
    "Four starting drafts cover public-health cooperation, finance for small and medium-sized enterprises, city-to-city exchange and early warning for industrial-chain risks. " +
    "Each draft is a basis for negotiation and may be amended, merged or rejected.",
};

export const DEMO_PROPOSALS: DemoProposal[] = [
  {
    title: "Regional public-health exchange and cooperation mechanism",
    summary:
      "Sets up a standing ASEAN Plus Three channel for health officials to share data, coordinate safe travel and develop joint health and care projects.",
    doc: draft(
      "Regional public-health exchange and cooperation mechanism",
      [
        p(
          "Recalling the special online meeting on COVID-19 held in mid-April 2020 by the leaders of ASEAN, China, Japan and the Republic of Korea, at which they committed to a shared pandemic response and to a more resilient regional economy,",
        ),
        p(
          "Noting that senior health officials and foreign ministers kept in contact by video conference while in-person meetings were suspended, and convinced that ",
          ["a permanent, institutionalised channel", "italic"],
          " for health cooperation would also help revive tourism, medical care and elderly care across the region,",
        ),
      ],
      [
        [
          ["Proposes", "bold"],
          " the establishment of a Regional Public-Health Exchange and Cooperation Mechanism among ASEAN member states, China, Japan and the Republic of Korea, building on the video-conference channels used by senior health officials during the pandemic.",
        ],
        [
          ["Recommends", "bold"],
          " that the Mechanism hold regular meetings of senior health officials, supported by a small joint secretariat that circulates epidemiological updates, testing protocols and lessons learned among participants in a timely and transparent manner.",
        ],
        [
          ["Encourages", "bold"],
          " participants to agree common guidelines for the safe and gradual resumption of essential business travel, with mutually recognised health documentation, so that movement of people supports recovery without weakening disease control.",
        ],
        [
          ["Invites", "bold"],
          " the Mechanism to identify joint projects in medical care, elderly care and health-related tourism, sectors in which closer cooperation could create jobs while strengthening the region's capacity to respond to future outbreaks.",
        ],
        [
          ["Requests", "bold"],
          " that a first progress report, including financing options and proposals for working with relevant international organisations, be submitted to the next ASEAN Plus Three leaders' meeting for its consideration.",
        ],
      ],
    ),
  },
  {
    title: "SME financing and capital-chain continuity",
    summary:
      "Asks both governments, local authorities and business bodies to share SME relief experience and widen access to working capital to limit closures and lay-offs.",
    doc: draft(
      "SME financing and capital-chain continuity",
      [
        p(
          "Recalling that the International Monetary Fund, in its July 2020 forecast, expected the world economy to shrink by 3 % and Japan's by 5.2 % in 2020, while China was projected to grow by only about 1 %,",
        ),
        p(
          "Noting with concern that ",
          ["small and medium-sized enterprises", "italic"],
          ", which have limited reserves to absorb shocks, face a rising number of bankruptcies and lay-offs, and welcoming the support for such firms contained in the recent stimulus packages of both Governments,",
        ),
      ],
      [
        [
          ["Encourages", "bold"],
          " the competent authorities of China and Japan to exchange information regularly on the design, take-up and results of their SME relief measures, including credit guarantees, deferred payments and wage subsidies.",
        ],
        [
          ["Recommends", "bold"],
          " that local governments and regional financial institutions in both countries cooperate on practical ways to widen SME access to working capital, such as co-financing schemes and simpler procedures for firms operating across borders.",
        ],
        [
          ["Calls", "bold"],
          " for particular attention to the continuity of payments between large manufacturers and their smaller suppliers, so that temporary liquidity gaps do not push otherwise viable enterprises out of the production chain.",
        ],
        [
          ["Invites", "bold"],
          " chambers of commerce and business associations to set up a joint contact desk that helps SMEs find partners, understand available support schemes and resolve practical obstacles to trade between the two countries.",
        ],
        [
          ["Suggests", "bold"],
          " that the two sides share experience on job retention and retraining, with attention to workers in the hard-hit service sector, in order to contain unemployment and prepare small firms for digital ways of working.",
        ],
      ],
    ),
  },
  {
    title: "Urban diplomacy: city-to-city exchange",
    summary:
      "Builds on pandemic-era assistance between Chinese and Japanese localities with a mayors' forum, business matching and exchanges around major events.",
    doc: draft(
      "Urban diplomacy: city-to-city exchange",
      [
        p(
          "Recalling the many examples of mutual assistance between Chinese and Japanese local governments since the start of the pandemic,",
        ),
        p(
          "Noting that the postponement of the Tokyo 2020 Olympic Games has weighed heavily on Japanese cities, and recognising that ",
          ["cooperation at the sub-national level", "italic"],
          " can be flexible and pragmatic because it draws on the particular strengths of each locality,",
        ),
      ],
      [
        [
          ["Encourages", "bold"],
          " sister-city and province–prefecture partnerships between China and Japan to renew their cooperation plans, giving priority to pandemic recovery, local employment and support for small businesses.",
        ],
        [
          ["Proposes", "bold"],
          " an annual online forum of mayors and local officials, open also to partner cities in the Republic of Korea and ASEAN, to exchange practical experience in public health, urban services and economic revitalisation.",
        ],
        [
          ["Recommends", "bold"],
          " that cities use the rescheduled Tokyo Olympic and Paralympic Games and other major events as occasions for cultural, sporting and tourism exchanges once health conditions allow safe travel.",
        ],
        [
          ["Invites", "bold"],
          " participating cities to link local enterprises, industrial parks and universities with counterparts in their partner cities, concentrating on fields where the capabilities of the two sides complement each other.",
        ],
        [
          ["Requests", "bold"],
          " that a shared online register of city-level cooperation projects be maintained, so that successful initiatives can be identified, evaluated and adopted by other local governments in the region.",
        ],
      ],
    ),
  },
  {
    title: "Industrial-chain security warning and assessment mechanism",
    summary:
      "Creates a regional early-warning and assessment system for supply-chain risks in critical sectors such as semiconductors and intermediate goods.",
    doc: draft(
      "Industrial-chain security warning and assessment mechanism",
      [
        p(
          "Recalling that the participating states of the Regional Comprehensive Economic Partnership (RCEP) concluded their textual negotiations in November 2019, and reaffirming a shared commitment to open, rules-based regional trade,",
        ),
        p(
          "Noting that the pandemic has disrupted East Asian production networks, in which Vietnam and Malaysia assemble and package microelectronic and semiconductor products while Cambodia and the Philippines rely on semi-finished goods imported from China and Japan, and recognising that, despite competition in some sectors, ",
          ["a break at any single link affects every participant", "bold"],
          ",",
        ),
      ],
      [
        [
          ["Proposes", "bold"],
          " a regional industrial-chain security warning and assessment mechanism, open to China, Japan, the Republic of Korea and ASEAN member states, to monitor risks to critical inputs and circulate early warnings of disruption.",
        ],
        [
          ["Recommends", "bold"],
          " that participants draw up a short list of critical sectors, starting with microelectronics, semiconductors and intermediate goods for processing industries, and agree on indicators for assessing supply-chain vulnerability.",
        ],
        [
          ["Encourages", "bold"],
          " the prompt exchange of information on border measures, logistics bottlenecks and production stoppages affecting regional supply chains, through designated contact points in each participating economy.",
        ],
        [
          ["Calls", "bold"],
          " on participants to avoid unnecessary restrictions on trade in essential intermediate goods during emergencies, and to keep any temporary measures targeted, transparent and consistent with their international obligations.",
        ],
        [
          ["Invites", "bold"],
          " cooperation on the digitalisation of supply-chain management, including remote operations and common data standards, and notes Japan's plan to create an information-industry agency as a possible partner in this work.",
        ],
        [
          ["Requests", "bold"],
          " an annual assessment report to inform the implementation of RCEP and the negotiations on a China–Japan–Republic of Korea free trade agreement.",
        ],
      ],
    ),
  },
];
