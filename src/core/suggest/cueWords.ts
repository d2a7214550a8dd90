// Our own word lists for claim and attribution cues (the opinion vocabulary is in lexicon.ts).
import type { TermCategory } from './lexicon';
import { wordSet, wordsOf } from './wordLists';

/** Our own claim and attribution lists: [category, prior weight, words, then |phrases] (added after OPINION_LISTS). */
export const CUE_LISTS: Array<[TermCategory, number, string]> = [
  ['claim.superlative', 0.7, `
    largest biggest highest lowest greatest smallest fastest slowest oldest youngest longest shortest deepest
    richest poorest strongest weakest heaviest busiest deadliest costliest wealthiest hottest coldest warmest
    wettest driest safest riskiest worst best first record record-breaking record-high record-low all-time
    unprecedented most least top-ranked fewest
    |for the first time|never before|the only|the most|the least|a record|an all-time|all-time high|all-time low
  `],
  ['claim.comparison', 0.55, `
    than doubled tripled quadrupled halved outnumber outnumbered outpaced exceeded exceeds surpassed overtook
    |more than|less than|fewer than|compared with|compared to|twice as|three times|up from|down from
    |higher than|lower than|as many as|as much as|at least|at most|no more than|in contrast to|relative to
  `],
  ['claim.change', 0.5, `
    rose rises risen fell falls fallen increased increases decreased decreases grew grown declined declines
    dropped drops surged surges jumped jumps climbed climbs plunged plunges slumped soared tumbled shrank
    shrunk expanded contracted recovered rebounded
  `],
  ['claim.causal', 0.55, `
    because caused causes causing triggered prompted
    |due to|led to|leads to|leading to|resulted in|results in|as a result|result of|owing to|blamed on
    |blamed for|linked to|responsible for|thanks to|contributed to|contributes to|in response to|because of
    |attributed to|driven by|fuelled by|fueled by
  `],
  // Acts of an office (an appointment, a signature, a vote, a ruling, a visit or meeting of officials)...
  ['claim.official-act', 0.65, `
    signed approved appointed agreed passed vetoed enacted ratified banned fined charged convicted
    sentenced elected re-elected resigned voted ruled awarded granted ordered issued filed sued
    acquitted indicted nominated dismissed repealed overturned upheld revoked adopted
    legislated authorised authorized endorsed abolished sanctioned deported visited met hosted received
    proposed inaugurated accredited convened co-signed countersigned promulgated decreed
    signs approves appoints passes vetoes enacts ratifies bans fines convicts
    elects resigns awards grants visits hosts proposes endorses
    |held talks|paid a visit|state visit|official visit|signed into law|accepted the resignation|took office
    |sworn in|was appointed|were appointed|reaffirmed|congratulated|presented|conferred
  `],
  // ...and other past actions and events, checkable but not official acts ("imposed", "raised", "launched").
  ['claim.event', 0.6, `
    launched imposed arrested established founded opened closed allocated invested spent paid pledged promised
    blocked suspended unveiled introduced cancelled canceled postponed detained released recalled shut raised cut
    slashed hired fired completed built delivered deployed withdrew won lost killed injured destroyed collapsed
    imposes launches arrests charges
    held discussed expressed accepted thanked attended succeeded succeeds included reported
    welcomed announced confirmed published submitted returned
  `],
  ['attribution.according-to', 0.9, `|according to|as reported by|in a statement|quoted as saying|in an interview with|in a post on
    |originally published in|first published in|in remarks to|in a speech|in an interview|in a letter|in a post
    |the claim that|the assertion that|the allegation that|the allegations that|the insistence that|in the words of`],
];

/** Reporting verbs: lemma -> its forms. Strength is the prior score of the cue. */
export const REPORTING_VERBS: Array<[number, string]> = [
  [0.9, 'say says said saying tell tells told telling'],
  [0.8, `state states stated stress stresses stressed argue argues argued arguing claim claims claimed add adds added
    note notes noted explain explains explained insist insists insisted warn warns warned announce announces
    announced confirm confirms confirmed deny denies denied admit admits admitted acknowledge acknowledges
    acknowledged allege alleges alleged assert asserts asserted contend contends contended declare declares
    declared emphasise emphasises emphasised emphasize emphasizes emphasized write writes wrote testify
    testifies testified reveal reveals revealed recall recalls recalled remark remarks remarked reply replies
    replied respond responds responded report reports reported tweet tweets tweeted concede concedes conceded
    predict predicts predicted ask asks asked complain complains complained boast boasts boasted
    vow vows vowed promise promises promised urge urges urged demand demands demanded accuse accuses accused
    criticise criticises criticised criticize criticizes criticized caution cautions cautioned
    observe observes observed point points pointed maintain maintains maintained suggest suggests suggested
    estimate estimates estimated conclude concludes concluded believe believes believed
    describe describes described express expresses expressed reaffirm reaffirms reaffirmed call calls called
    find finds found question questions questioned`],
];

/** Cue verbs that need a "that"/quote/colon/"out" nearby to count (they have common non-reporting uses). */
export const WEAK_CUES = wordSet('cueWords.WEAK_CUES', [
  'point', 'points', 'pointed', 'maintain', 'maintains', 'maintained', 'suggest', 'suggests', 'suggested', 'estimate',
  'estimates', 'estimated', 'conclude', 'concludes', 'concluded', 'believe', 'believes', 'believed', 'observe',
  'observes', 'observed', 'promise', 'promises', 'promised', 'demand', 'demands', 'demanded', 'report', 'reports',
  'reported', 'claim', 'claims', 'note', 'notes', 'add', 'adds', 'added', 'recall', 'recalls', 'recalled', 'ask', 'asks',
  'asked', 'state', 'states', 'reveal', 'reveals', 'revealed', 'vow', 'vows', 'urge', 'urges', 'caution', 'cautions',
  'write', 'writes', 'wrote', 'accuse', 'accuses', 'accused', 'charge', 'admit', 'admits', 'deny', 'denies',
  'express', 'expresses', 'expressed', 'call', 'calls', 'called', 'find', 'finds', 'found', 'question', 'questions',
  'questioned', 'describe', 'describes', 'described',
]);

/** Heads of unnamed sources: "officials said", "critics argue", "people familiar with the matter". */
export const UNNAMED_SOURCES = wordSet('cueWords.UNNAMED_SOURCES', [
  'official', 'officials', 'critic', 'critics', 'opponent', 'opponents', 'expert', 'experts', 'analyst', 'analysts',
  'observer', 'observers', 'insider', 'insiders', 'source', 'sources', 'aide', 'aides', 'supporter', 'supporters',
  'people', 'person', 'spokesperson', 'spokesman', 'spokeswoman', 'diplomat', 'diplomats', 'lawmaker', 'lawmakers',
  'scientist', 'scientists', 'researcher', 'researchers', 'economist', 'economists', 'residents', 'witnesses',
  'witness', 'some', 'many', 'others', 'activists', 'campaigners', 'advocates', 'skeptics', 'sceptics', 'detractors',
  'commentators', 'pundits', 'authorities', 'investigators', 'police', 'executives', 'employees', 'staff', 'members',
  'leaders', 'reports', 'studies', 'it',
]);

/**
 * Loaded reporting verbs (issue 12, round 9): verbs by which the writer frames a speaker's manner or motive ("boasted",
 * "lashed out", "railed against", "touted") rather than record that they spoke. Shown as opinion wherever they
 * stand outside quotations and reported content; only the forms without a plain sense ("hailed", not "hail";
 * "railed", not "rail"; "blasted", not "blast"). Words the main lexicon already holds ("scoffed", "sneered") are
 * its. The neutral verbs (said, told, added, noted, reaffirmed) are not here, nor the verbs that report an act the annotation
 * guideline leaves unmarked (welcomed, praised, hailed, condemned, mocked). The verbs of credibility (insisted,
 * admitted, conceded, claimed) were tried as opinion where they are a cue and dropped (bench/RESULTS.md, round 9).
 */
export const LOADED_REPORTING_VERBS = wordSet('cueWords.LOADED_REPORTING_VERBS', wordsOf(`
  boast boasts boasted boasting brag brags bragged bragging crowed gloated gloats gloating
  slammed slams blasted lambasted lambasts ranted whined whines moaned moans grumbled grumbles griped gripes bleated
  touted touts touting trumpeted trumpeting
`));
/** The two-word loaded reporting verbs, by their first word ("lashed out", "railed against"). */
export const LOADED_REPORTING_PAIRS: ReadonlyMap<string, string> = new Map([
  ['lashed', 'out'], ['lashes', 'out'], ['lashing', 'out'], ['railed', 'against'], ['rails', 'against'], ['railing', 'against'],
]);
