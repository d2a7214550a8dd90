// Word lists of the opinion vocabulary, in tiers (see CREDITS.md): (1) our own lists, high precision, first;
// (2) a broad sentiment tier from VADER's lexicon, filtered with WordNet and reviewed at build time
// (scripts/build-lexicon.mjs -> lexicon-sentiment.json, which also reads this file); plus filtered entries of the
// MIT-licensed npm packages `hedges` and `weasels`. Claim and attribution cues are in cueWords.ts; buildLexicon.ts
// builds the lexicon from both. Every entry is lower-case; multi-word entries are matched word by word on the
// tokens of the scan (so "so-called" is one token, "according to" two).
import { wordSet } from './wordLists';


export type TermCategory =
  // opinion language
  | 'opinion.evaluative' | 'opinion.booster' | 'opinion.hedge' | 'opinion.editorial' | 'opinion.modal'
  | 'opinion.loaded' | 'opinion.metaphor' | 'opinion.first-person' | 'opinion.weasel' | 'opinion.custom'
  | 'opinion.sentiment' | 'opinion.phrase' | 'opinion.framing'
  // the contextual tier (buildContextLexicon): shown only in context (contextual.ts); not a feature of the sentence model
  | 'opinion.contextual'
  // claims
  | 'claim.superlative' | 'claim.comparison' | 'claim.causal' | 'claim.official-act' | 'claim.event' | 'claim.change'
  | 'claim.custom'
  // attributions
  | 'attribution.reporting-verb' | 'attribution.according-to' | 'attribution.custom';

export interface LexEntry {
  words: string[];
  term: string;
  category: TermCategory;
  /** The part of category before the dot. */
  family: 'opinion' | 'claim' | 'attribution';
  /** Prior strength of the cue in [0, 1]. */
  weight: number;
  /** What the entry is, for its explanation, when the category alone does not say it ("sentiment-laden adjective (VADER +2.1)"). */
  note?: string;
}

export type Lexicon = Map<string, LexEntry[]>;

export interface LexiconOptions {
  extraTerms?: Partial<Record<'claim' | 'attribution' | 'opinion', string[]>>;
  ignoredTerms?: string[];
}

/** Our own opinion lists: [category, prior weight, words, then |phrases]. */
export const OPINION_LISTS: Array<[TermCategory, number, string]> = [
  ['opinion.evaluative', 0.75, `
    good bad great terrible awful horrible dreadful disastrous catastrophic excellent superb wonderful fantastic
    brilliant marvellous marvelous magnificent splendid outstanding admirable commendable laudable praiseworthy
    shameful disgraceful outrageous scandalous appalling deplorable despicable abhorrent vile wicked evil cruel
    nasty ugly pathetic pitiful ridiculous absurd ludicrous laughable preposterous silly foolish stupid idiotic
    senseless pointless useless worthless hopeless reckless irresponsible negligent incompetent inept clueless
    misguided wrongheaded naive naïve shortsighted short-sighted dishonest deceitful hypocritical cynical greedy
    corrupt rotten toxic poisonous sinister dangerous menacing alarming shocking disturbing troubling worrying
    disappointing dismal bleak grim sorry unfortunate regrettable lamentable tragic heartbreaking
    inspiring inspirational courageous brave heroic bold visionary wise sensible reasonable unreasonable
    unfair unjust righteous legitimate illegitimate principled unprincipled honourable honorable dishonourable
    arrogant smug condescending patronising patronizing elitist radical extreme extremist fanatical authoritarian
    draconian tyrannical oppressive repressive heavy-handed high-handed sensational sensationalist
    predatory parasitic shameless ruthless heartless callous selfish bloated wasteful lavish exorbitant
    outlandish bizarre insane crazy nonsensical dubious questionable flimsy feeble lame
    impressive remarkable extraordinary stunning astonishing staggering spectacular dazzling
    beautiful lovely pleasant delightful charming unpleasant disgusting revolting repugnant offensive insulting
    hateful hostile vicious aggressive belligerent divisive polarising polarizing controversial contentious
    misleading deceptive fraudulent bogus phony phoney sham meaningless
    inadequate insufficient unacceptable intolerable unbearable untenable unsustainable unwise ill-advised
    ill-conceived half-baked botched flawed dysfunctional chaotic messy sloppy shoddy lousy
    mediocre second-rate third-rate worse worst better best finest greatest
    deserved undeserved worthy unworthy noble ignoble valiant gallant cowardly spineless
    obscene grotesque monstrous horrific horrendous atrocious heinous egregious
    genius stellar exemplary flawless awesome incredible unbelievable amazing
    crucial vital essential meaningful valuable precious
    unnecessary needless gratuitous excessive undue overblown exaggerated overhyped overrated underrated
    immoral unethical indecent
    wrong rightly wrongly unfairly unjustly
    shamefully disgracefully outrageously ridiculously absurdly foolishly recklessly wisely sadly thankfully
    fortunately unfortunately regrettably tragically mercifully happily disappointingly alarmingly shockingly
    dangerously brilliantly beautifully terribly horribly miserably woefully pitifully
    disgrace scandal travesty outrage shame disaster catastrophe fiasco debacle farce charade mess failure
    avoidable unavoidable inexcusable unforgivable indefensible unjustifiable unconscionable
    complacent complacency timid timidity negligence betrayal betrayed blunder blunders bungled
    scandalously needlessly pointlessly carelessly cynically
    nonsense rubbish garbage hypocrisy incompetence greed arrogance folly stupidity madness insanity cowardice
    astute shrewd sagacious far-sighted farsighted clear-eyed level-headed even-handed open-minded broad-minded
    narrow-minded small-minded pig-headed hot-headed big-hearted kind-hearted cold-blooded cold-hearted half-hearted
    iron-clad ironclad rock-solid world-class first-rate top-notch time-tested hard-won well-founded well-deserved
    ill-judged ill-fated ill-considered wrong-headed self-serving self-defeating mean-spirited high-minded
    public-spirited far-reaching epoch-making groundbreaking ground-breaking trailblazing pioneering path-breaking
    steadfast unwavering unswerving unflinching unyielding unshakable unshakeable resolute staunch tireless unremitting
    indefatigable relentless selfless dauntless fearless
    fruitful constructive pragmatic sincere candid cordial amicable mutually-beneficial win-win
    ingenuity heroism brilliance wisdom foresight statesmanship courage bravery valour valor integrity
    triumph masterstroke tour-de-force
    groundless baseless unfounded malicious malign blatant flagrant brazen
    provocative provocations provocation hegemonic hegemonism hegemony bullying meddling interference smear smears
    slander slanderous hype hyped scaremongering fearmongering warmongering warmonger warmongers hysteria hysterical
    sanctimonious disingenuous duplicitous mendacious perfidious treacherous venal nefarious dastardly odious
    unilateralism protectionism zero-sum
    warmth vigour vigor sincerity goodwill generosity magnanimity dignity decency fair-minded high-handedness
    betrays betraying
    |right decision|right choice|right road|right path|right direction|right thing|wrong decision|wrong choice
    |wrong direction|wrong path|true friend|true friends|true friendship|with its head held high|head held high
    |no strings attached|without strings|without political strings|any honest|no fair-minded|no honest
    |little but words|nothing but words|empty words|empty promises|empty rhetoric|lip service|paid dividends
    |paid handsome dividends|pays dividends|stood by them|stood by us|stand by|in hard times
  `],
  // Evaluative words that also have plain uses ("a warm day", "a rare bird", "welcomed the visitors"): shown only
  // when the sentence leans to opinion (their weight needs a sentence score of about 0.3 or more).
  ['opinion.evaluative', 0.6, `
    warm warmly grand rare striking obvious fitting fittingly proud proudly distinguished unmistakable unqualified
    overdue long-overdue glossy cranky sluggish abysmal abysmally hollow evasive evasions vague vaguer polite
    self-appointed loudest masterpiece gratitude pride sacrifice sacrifices persistence backbone villain villains
    hearsay innuendo condescension sermons sermon doubters sceptics skeptics naysayers hand-wringing handwringing
    tribute wish-list gimmickry spin fanfare
    deserve deserves deserving admire admires admired applaud applauds applauded commend commends commended
    welcome welcomes regret regrets undermine undermines undermined undermining envy sneer sneers sneered scoff
    scoffs scoffed flinch flinches flinched stumble stumbles stumbled dabble dabbles pretend pretends pretending
    tinker tinkers tinkering gush gushes gushing squander squanders squandered squandering hurl hurls hurled
    fumble fumbled bungle dither dithers dithering vanished
  `],
  ['opinion.framing', 0.75, `
    |rings hollow|ring hollow|rang hollow|would do well to|it is hard to see|it's hard to see|hard to imagine
    |says more about|say more about|dressed up as|beside the point|the whole point|the devil is in the detail
    |missed opportunity|left holding the bill|paid off|will pay off|pays off|deserves credit|deserves praise
    |deserve credit|deserve praise|no credit|fitting tribute|a welcome step|welcome step|backed by deeds|not slogans
    |pointing fingers|point fingers|iron will|with evident pride|without fanfare|without reservation|too often
    |spare us|you would think|you'd think|sow doubt|sow doubts|sowing doubt|hurl accusations|brushed aside
    |brush aside|lost sight of|lose sight of|armchair experts|wish list|hard choices|the real question
    |a lesson here|holds a lesson|a lesson for|an occasion for pride|the defining challenge|with their bare hands
    |showed the world|the doubters|self-reliance|above party quarrels|fixing the plumbing|rarely has|hardly a
  `],
  ['opinion.framing', 0.75, `
    |cannot be ignored|can't be ignored|cannot be overstated|can't be overstated|cannot be denied|can't be denied
    |cannot be underestimated|there is no denying|there's no denying|it goes without saying|speaks volumes
    |a testament to|testament to|stands as a testament|serves as a reminder|a far cry from|a stark reminder
    |seeks to portray|seek to portray|sought to portray|seeking to portray|tries to portray|try to portray|tried to portray
    |attempts to portray|attempted to portray|trying to portray|seeks to paint|sought to paint|tries to paint
    |tried to paint|trying to paint|seeks to cast|sought to cast|seeks to smear|sought to smear|seeks to discredit
    |sought to discredit|trying to discredit|tries to discredit|seeks to undermine|sought to undermine
    |cold war mentality|double standards|double standard|ulterior motives|ulterior motive|sour grapes
    |beyond doubt|beyond question|by no means|nothing short of|second to none|for all to see|lays bare|laid bare
    |sets an example|set an example|a model for|a shining example|shining example|a beacon of|beacon of
    |positive energy|sheer hypocrisy|the height of|goes to show|it is high time|it's high time|high time
    |speak for themselves|speaks for itself|speak for itself|cast doubt on|casts doubt on|casting doubt on
    |rushed to|rush to|rushing to|rush to judgment|rush to judgement|turn a blind eye|turned a blind eye|turns a blind eye
    |bury their heads|stick their heads|fly in the face|flies in the face|flew in the face|pay lip service
  `],
  ['opinion.booster', 0.55, `
    very extremely incredibly hugely enormously massively utterly totally absolutely entirely thoroughly
    deeply profoundly truly really seriously severely desperately exceptionally extraordinarily immensely
    tremendously vastly overwhelmingly exceedingly insanely awfully dreadfully painfully
    tremendous immense enormous colossal gigantic monumental massive overwhelming
    unprecedented unparalleled unmatched unrivalled unrivaled unimaginable unthinkable
    fundamentally radically dramatically drastically wildly
    firmly resolutely staunchly steadfastly unwaveringly wholeheartedly tirelessly boldly bravely courageously
    categorically flatly blatantly flagrantly brazenly shamelessly grossly wilfully willfully sorely greatly
    sheer utter abject
  `],
  ['opinion.editorial', 0.7, `
    clearly obviously undoubtedly undeniably unquestionably indisputably notably naturally evidently plainly
    admittedly frankly honestly surely certainly definitely doubtless
    ironically tellingly predictably conveniently curiously interestingly remarkably surprisingly unsurprisingly
    inevitably importantly crucially understandably rightfully
    so-called self-styled self-proclaimed
    |of course|needless to say|make no mistake|let's be honest|let us be clear|to be sure|there is no doubt
    |it is clear|it's clear|it is obvious|it's obvious|it is time|it's time|it is worth|it's worth
    |the fact that|the truth is|the reality is|the problem is|the question is|the point is|what matters
    |in fact|of all things|no wonder|not surprisingly|by any measure|by any standard
  `],
  ['opinion.modal', 0.7, `
    should shouldn't must mustn't ought
    |need to|needs to|have to|has to|ought to|had better|it is imperative|it's imperative
  `],
  ['opinion.hedge', 0.45, `
    perhaps maybe arguably seemingly supposedly presumably conceivably possibly probably apparently ostensibly
    somewhat rather fairly
    |kind of|sort of|more or less|to some extent|to a degree|in a sense|in a way|it seems|it appears
    |seems to|seem to|seemed to|appears to|appear to|appeared to
  `],
  ['opinion.first-person', 0.8, `
    |i think|i believe|i feel|i suspect|i doubt|i hope|i fear|i'd argue|i would argue|i argue|i contend
    |i confess|i am not convinced|i'm not convinced|i see no reason|i wish|i admire|frustrates me|i regret|i applaud
    |in my view|in my opinion|in my experience|to my mind|it seems to me|i am convinced|i'm convinced
    |we should|we must|we need|we can't|we cannot|let us|let's
  `],
  ['opinion.loaded', 0.7, `
    regime junta thug mob cronies cronyism elite propaganda propagandist scheme ploy stunt gimmick hoax
    charlatan demagogue zealot ideologue apologist
    radicals fanatics extremists bureaucrats globalist woke snowflakes leftists rightwing right-wing
    left-wing far-left alt-right loony lunatic puppet stooge lackey henchmen
    handouts freeloaders moochers scroungers invaders infestation horde swarm
    collusion cover-up coverup whitewash witch-hunt power-grab land-grab money-grab cash-grab
    |illegal alien|death tax|job killers|job-killing|job killing|death panels|nanny state
    |deep state|fake news|mainstream media|lamestream media|political correctness|politically correct
    |witch hunt|power grab|cash grab|land grab|class warfare|war on|radical left|radical right
    |passed away|collateral damage|enhanced interrogation|revenue enhancement|negative growth|let go
    |rightsizing|downsizing|right-sizing|pre-owned|friendly fire|alternative facts|regime change
    |tax relief|tax burden|big government|welfare queen|special interests|ruling class
    |puppet regime|vassal state|rogue state|axis of evil|clique|cabal|separatists
    |splittists|hawks|running dogs|imperialists|imperialism|colonialists|neo-colonialism
  `],
  ['opinion.metaphor', 0.6, `
    poisons poisoned poisoning cancer cancerous plague plagued plagues scourge bloodbath firestorm bombshell
    meltdown circus onslaught tsunami avalanche juggernaut quagmire minefield nightmare nightmarish
    crippling crippled crushing crushed gutted gutting slashed slashing skyrocketed skyrocketing soared
    plummeted hemorrhaging haemorrhaging bleeding strangling stranglehold chokehold straitjacket
    torpedoed torpedo sabotage sabotaged hijacked hijack weaponised weaponized weaponise weaponize
    |slap in the face|tip of the iceberg|perfect storm|train wreck|ticking time bomb|time bomb|house of cards
    |smoke and mirrors|slippery slope|nail in the coffin|elephant in the room|the last straw|a drop in the bucket
    |pouring fuel|fuel to the fire|fan the flames|fanning the flames|rob peter|kick the can|open the floodgates
    |throw under the bus|thrown under the bus|under the bus|race to the bottom|wake-up call|red flag|red line
    |double-edged sword|band-aid|sticking plaster|boiling point|breaking point|powder keg|tinderbox
    |cornerstone|bedrock|linchpin|lynchpin|ballast|anchor of stability|stabiliser|stabilizer|engine of growth
    |bridge of friendship|golden age|new chapter|new heights|new era|bright future|shared future|crossroads
    |iron curtain|paper tiger|trojan horse|smoke screen|smokescreen|fig leaf|scapegoat|scapegoating
  `],
];

/**
 * Evaluative noun phrases: an intensifying or evaluative adjective before an evaluative noun ("resounding
 * triumph", "landmark achievement", "unwavering resolve", "blatant interference"). Either word alone may be
 * neutral ("landmark", "support"); together they judge. Built into the lexicon as two-word entries.
 */
export const PHRASE_MODIFIERS = `
  resounding landmark unwavering steadfast ironclad iron-clad historic tremendous remarkable outstanding staunch
  unswerving unshakable unshakeable firm profound genuine great tireless relentless sheer utter total complete abject
  colossal monumental spectacular stunning glaring blatant flagrant gross crass shameless naked brazen stark bold
  decisive far-sighted farsighted visionary wise astute shrewd courageous principled exemplary stellar unprecedented
  extraordinary incredible enormous huge major important significant vital crucial invaluable indispensable immense
  strong solid concrete tangible fruitful positive constructive sincere unremitting unstinting wholehearted deep
  enduring lasting everlasting unbreakable unparalleled unmatched epochal epoch-making momentous sterling fine
  dismal miserable woeful abysmal catastrophic disastrous reckless irresponsible unwarranted unjustified
  baseless groundless malicious outright gratuitous wanton unprovoked brutal rank stubborn obstinate
  so-called
`.split(/\s+/).filter(Boolean);

export const PLAIN_MODIFIERS = wordSet('lexicon.PLAIN_MODIFIERS', 'major important significant strong solid concrete tangible positive deep total complete fine great huge enormous firm'.split(' '));

export const EVALUATIVE_NOUNS = `
  triumph triumphs achievement achievements success successes victory victories breakthrough breakthroughs milestone
  milestones accomplishment accomplishments feat feats resolve commitment commitments dedication determination
  leadership support friendship partnership cooperation contribution contributions wisdom vision courage foresight
  progress example model testament gesture solidarity trust confidence significance importance strides step steps
  failure failures blunder blunders mistake mistakes error errors folly disgrace disaster betrayal hypocrisy arrogance
  incompetence negligence defiance aggression provocation provocations interference meddling bullying hegemony lie
  lies distortion distortions violation violations abuse abuses insult affront disregard contempt ignorance
  overreach miscalculation failing failings fiasco debacle farce travesty setback setbacks embarrassment
  foundation foundations friend friends ties bond bonds refusal refusals resistance obstruction obstinacy
`.split(/\s+/).filter(Boolean);

// Filtered views of the MIT-licensed lists: entries that are too frequent or neutral in news copy to count as
// opinion language ("say", "will", "that", "about", numbers' hedges like "approximately", modal verbs that
// are scored separately) are left out.
export const HEDGES_NOISE = wordSet('lexicon.HEDGES_NOISE', `
  about|always|around|can|could|couple|few|find|finds|found|frequently|like|little|many|may|might|most|mostly|much
  |occasionally|often|overall|rare|rarely|read|say|says|several|some|somebody|someone|something|somewhere|sometimes
  |so far|usually|think|thinks|thought|understand|understands|understood|believe|believed|believes|estimate|estimated
  |estimates|consider|considered|considers|diagnostic|indicate|largely|mainly|approximately|roughly|at least|certain
  |clear|allege|alleged|suggest|suggested|suggests|speculate|speculated|speculates|should|must|will|would|appear
  |appeared|appears|look like|looks like|definite|definitely|certainly|clearly|surely|really|actually|quite
  |probability|possibility|possible|probable|likely|unlikely|in general|generally|tend|assume|assumed|assumes
  |assumption|guess|guessed|guesses|suppose|supposed|supposes|consistent with|effectively|practically|virtually
  |necessarily|partially|bunch|don't know|doubt|doubtful|inconclusive|improbable|be sure|et cetera|and so forth
  |and all that|something or other|hopefully
`.split('|').map((s) => s.trim()).filter(Boolean));

export const WEASELS_NOISE = wordSet('lexicon.WEASELS_NOISE', `
  a lot|about|acts|again|all|almost|already|also|anyway|appeared|appears|are a number|back|be able to|began|believed
  |better|bit|close|combats|considered|could|decided|down|effective|efficient|enough|even|ever|far|felt|few|gains|heard
  |helps|improved|is a number|is like|just|knew|like|linked to|looked|looks|lots|many|might|most|mostly|only|over|own
  |saw|seemed|seems|several|so|some|sort|started|still|supports|that|then|thought|touched|understood|up|useful|various
  |wanted|watched|well|wished|wondered|works|expert|experts|real|noticed|realised|realized|recognised|recognized
  |smelled|supposed|reportedly|clearly|quite|pretty|rather|fairly|largely|probably|somehow|virtually|not rocket science
  |outside the box
`.split('|').map((s) => s.trim()).filter(Boolean));

/**
 * Degree words that judge the word after them in an opinion-leaning sentence ("so hard to accept", "far greater",
 * "more reliable", "simply cranky", "most candid"): a pattern of the contextual tier, shown with that word.
 */
export const DEGREE_WORDS = wordSet('lexicon.DEGREE_WORDS', 'so too simply far quite most more less least much truly utterly deeply'.split(' '));

/** Words after a degree word that make it a quantity or a connective, not a judgement ("more than", "so that"). */
export const NOT_JUDGED = wordSet('lexicon.NOT_JUDGED', `
  the a an of to than that and or but in on at for with by as from into about it its is are was were be been being
  this these those there their they them he she his her we our you your i me my not no so too far much many more most
  less least few then if when while who which what whose same such other others one two three four five six
  seven eight nine ten hundred thousand million billion percent per cent times often long soon later ago before after
  year years month months week weeks day days people can could will would shall should may might must do does did
  has have had get got
`.split(/\s+/).filter(Boolean));

/**
 * Words that open a sentence with a sweeping generalisation in the writer's voice ("Few partnerships…", "Anyone
 * who…", "No other project…", "Not one of them…"): a pattern of the contextual tier, at the start of a sentence only.
 */
export const GENERALISERS: string[][] = [['few'], ['anyone'], ['nobody'], ['none'], ['neither'], ['nothing'], ['no', 'other'], ['not', 'one'], ['no', 'one']];

/**
 * Words ending in -ly that are not adverbs of manner or stance, or that time, count or place things in news copy
 * ("daily", "recently", "publicly", "family"): the contextual tier's -ly pattern leaves them out.
 */
export const NEUTRAL_LY = wordSet('lexicon.NEUTRAL_LY', `only early daily weekly monthly yearly quarterly recently nearly mostly currently previously finally
  initially reportedly respectively approximately roughly formerly family assembly supply reply apply rally italy july
  anomaly monopoly subsequently eventually already largely partly mainly fully newly directly immediately shortly
  lately exactly slightly highly jointly separately publicly officially formally locally nationally globally
  internationally annually originally especially particularly specifically generally usually typically normally
  frequently occasionally regularly increasingly gradually quickly slowly rapidly steadily sharply briefly
  apparently allegedly presumably likely unlikely friendly elderly costly orderly holy jolly belly bully
  ugly ally rely fly`.split(/\s+/).filter(Boolean));
