import type { TopicKind } from '../model';

/**
 * Closed classes of English that decide whether a capitalised word starts a name. These are
 * grammar, not knowledge: no names of people or places live here (the corpus itself says what
 * is a name: see extractTopics), so the lists stay small and work for any subject.
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s+/));

/** Function words and sentence openers that are capitalised only because a sentence starts with them. */
export const STOP_WORDS = words(`
a an the this that these those there here others another it its it's he she him her his hers they them their theirs we us our
ours you your yours i me my mine who whom whose which what when where why how whether if then than so such
and or nor but yet for of to in on at by with from into onto upon over under above below between among about
against during before after since until till through throughout across along around behind beyond near toward
towards via per as like unlike despite except within without amid amidst
is are was were be been being am do does did done have has had having will would shall should can could may
might must ought not no yes all any both each either neither every few many more most much several some none
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion
first second third fourth fifth last next other another same own only just also even still already again ever
never always often sometimes soon now today tomorrow yesterday tonight meanwhile however therefore thus hence
moreover furthermore nevertheless nonetheless otherwise instead indeed perhaps maybe although though because while
whereas unless once whenever wherever whatever whoever whichever let lets please thank thanks dear oh well
mr mrs ms dr sir madam yes no ok okay
according regarding concerning including following given based compared due
experts expert analysts officials sources critics observers reports
home news read more advertising share follow subscribe comment comments reply leave source link click here
photo image video file credit copyright updated published posted edited last latest breaking
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
`);

/** Words that name an office or rank: in "Russian Foreign Minister Sergey Lavrov" the name starts after the last one. */
export const TITLE_WORDS = words(`
president presidents minister ministers prime secretary chancellor premier king queen prince princess emperor
pope sheikh emir sultan senator congressman congresswoman representative rep governor mayor ambassador envoy
spokesman spokeswoman spokesperson chairman chairwoman ceo general gen colonel col
captain capt admiral adm maj major marshal lieutenant lt sergeant sgt commander cmdr professor prof dr mr mrs ms
sir lord lady dame judge justice mantri pm speaker majesty highness excellency
`);

/** Abbreviations that are part of a name ("St. Louis", "Martin Luther King, Jr.", "Smith & Co."), never one alone. */
export const NAME_ABBREVIATIONS = words(`st ste mt ft jr sr co corp inc ltd bros no nos messrs esq ave blvd hon gov sen rep dept`);

/** Abbreviations that lead into the name after their full stop: in "St. Louis" the stop ends no sentence. */
export const ABBREVIATIONS_BEFORE_NAMES = words(`st ste mt ft`);

/** Words that mark what a capitalised name is when they end it: "Indian Navy", "Bay of Bengal", "Vibrant Gujarat Summit". */
export const KIND_BY_LAST_WORD: ReadonlyMap<string, TopicKind> = new Map<string, TopicKind>([
  ...[...words(`
    ministry ministries department agency council committee commission institute institution academy university
    college school group union navy army force forces corps party parliament congress senate assembly court bank
    fund association organisation organization foundation corporation company inc ltd press express times post
    herald tribune journal news daily agency office embassy government administration cabinet board bureau service
    services league alliance federation network centre center society club team station affairs studies house
    senate congress parliament treasury
  `)].map((w): [string, TopicKind] => [w, 'organisation']),
  ...[...words(`
    sea ocean bay gulf river lake mountain mountains island islands square street road avenue city province state
    states region district county valley desert peninsula strait canal coast east west north south pacific
    atlantic kingdom republic emirates territory territories border airport port harbour harbor park
  `)].map((w): [string, TopicKind] => [w, 'place']),
  ...[...words(`
    summit conference olympics games war parade day crisis exercise exercises dialogue talks meeting forum expo
    festival election elections revolution pandemic championship cup week
  `)].map((w): [string, TopicKind] => [w, 'event']),
  ...[...words(`
    agreement agreements treaty pact accord accords memorandum partnership framework initiative convention
    charter act protocol declaration deal mechanism doctrine programme program plan road constitution law bill
  `)].map((w): [string, TopicKind] => [w, 'agreement']),
]);

/** Lower-case words that, after a name, say what it names; the name takes their kind and absorbs them ("Indo-Pacific region" is Indo-Pacific). */
export const ABSORBED_HEADS: ReadonlyMap<string, TopicKind> = new Map<string, TopicKind>([
  ['region', 'place'], ['area', 'place'], ['zone', 'place'],
  ['framework', 'organisation'], ['format', 'organisation'], ['grouping', 'organisation'], ['mechanism', 'organisation'],
  ['missile', 'system'], ['rifle', 'system'], ['system', 'system'], ['jet', 'system'], ['fighter', 'system'],
  ['tank', 'system'], ['submarine', 'system'], ['vaccine', 'system'], ['aircraft', 'system'], ['rocket', 'system'],
  ['drone', 'system'], ['helicopter', 'system'], ['warship', 'system'], ['frigate', 'system'], ['carrier', 'system'],
]);

/** Lower-case words that, after a name, make a topic of their own ("Biden administration", "2+2 dialogue", "Chennai-Vladivostok maritime route"). */
export const COMPOUND_HEADS: ReadonlyMap<string, TopicKind> = new Map<string, TopicKind>([
  ['administration', 'organisation'], ['government', 'organisation'],
  ['route', 'place'], ['corridor', 'place'], ['pipeline', 'system'],
  ['dialogue', 'event'], ['summit', 'event'], ['talks', 'event'], ['conference', 'event'],
  ['agreement', 'agreement'], ['treaty', 'agreement'], ['pact', 'agreement'], ['accord', 'agreement'], ['initiative', 'agreement'],
]);

/** Particles inside names: "Bay of Bengal", "Anissa el-Jabri", "Charles de Gaulle". */
export const NAME_CONNECTORS = words(`of for de del della di da du des la le el al bin ibn van von der den y`);

/** First words that make a two-word name a place rather than a person ("New Delhi", "North Dvinsk"). */
export const PLACE_PREFIXES = words(`new north south east west northern southern eastern western upper lower great greater central
  southeast southwest northeast northwest latin middle far near
  san santa los las port porto puerto fort mount lake saint st`);

/** Demonyms that cannot be derived from a place name by a suffix rule. */
export const IRREGULAR_DEMONYMS = words(`french british english dutch swiss greek thai welsh irish scottish soviet
  western eastern northern southern european asian african arab`);

/** Verbs that follow a person's name ("Goel said"). */
export const SPEECH_VERBS = words(`said says say told added stressed noted believes believed pointed argued
  warned insisted explained asked replied wrote claimed announced accused met urged emphasized emphasised`);

/** Prepositions and verbs that come before a place ("visit India", "in Geneva"). */
export const PLACE_CUES = words(`in to from at visit visited visiting across near into toward towards throughout inside outside`);
