/**
 * Vocabulary for the English editions of the government sites (src/facts/english.ts): titles, document
 * types, qualifiers, units, verbs of change, ordinals and periods as the English press writes them. Plain
 * lists, so that a new phrasing is one line.
 */

/** Posts, longest first when matched; an organization may follow with "of" ("Minister of Finance"). */
export const EN_TITLES: readonly string[] = [
  'Permanent Deputy Prime Minister', 'Deputy Prime Minister', 'Prime Minister', 'PM', 'Deputy PM',
  'Party General Secretary', 'General Secretary', 'State President', 'Vice President', 'President',
  'National Assembly Chairman', 'National Assembly Vice Chairman', 'Vice Chairman', 'Vice Chairwoman', 'Chairman', 'Chairwoman',
  'Permanent Deputy Minister', 'Deputy Minister', 'Acting Minister', 'Minister',
  'Deputy Governor', 'Governor', 'Deputy Director General', 'Director General', 'Deputy General Director', 'General Director', 'Deputy Director', 'Director',
  'Deputy Head', 'Head', 'Secretary', 'Spokesperson', 'Ambassador',
];

/** Document types in English and the Vietnamese type they are. */
export const EN_DOC_TYPES: Readonly<Record<string, string>> = {
  Decree: 'Nghị định', Resolution: 'Nghị quyết', Decision: 'Quyết định', Circular: 'Thông tư', 'Joint Circular': 'Thông tư liên tịch',
  Directive: 'Chỉ thị', Law: 'Luật', Ordinance: 'Pháp lệnh', 'Official Dispatch': 'Công điện', 'Official Letter': 'Công văn',
  Conclusion: 'Kết luận', Plan: 'Kế hoạch',
};

/** Issuer codes as English text spells them without Vietnamese letters, and their official spelling. */
export const ASCII_ISSUER_CODES: Readonly<Record<string, string>> = {
  ND: 'NĐ', QD: 'QĐ', 'QD-TTg': 'QĐ-TTg', BLDTBXH: 'BLĐTBXH', BGDDT: 'BGDĐT', NHNN: 'NHNN', UBTVQH: 'UBTVQH',
  BTTTT: 'BTTTT', BKHDT: 'BKHĐT', BKHCN: 'BKHCN', TTLT: 'TTLT', CD: 'CĐ', 'CD-TTg': 'CĐ-TTg', HDND: 'HĐND',
};

/** Words before a figure and the approximation they mean. */
export const EN_QUALIFIERS: readonly [phrase: string, approx: 'over' | 'under' | 'about' | 'nearly' | 'at_least' | 'at_most'][] = [
  ['more than', 'over'], ['over', 'over'], ['above', 'over'], ['in excess of', 'over'], ['upwards of', 'over'],
  ['less than', 'under'], ['fewer than', 'under'], ['under', 'under'], ['below', 'under'],
  ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['roughly', 'about'], ['some', 'about'], ['an estimated', 'about'], ['estimated', 'about'],
  ['nearly', 'nearly'], ['almost', 'nearly'], ['close to', 'nearly'], ['just under', 'nearly'],
  ['at least', 'at_least'], ['up to', 'at_most'], ['at most', 'at_most'], ['no more than', 'at_most'], ['no later than', 'at_most'], ['within', 'at_most'],
];

/** Scale words after a figure. */
export const EN_SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, mln: 1e6, bln: 1e9, tln: 1e12 };

/** Number words and fractions a figure may be written as. */
export const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
/** Fractions, read as a share in percent ("two-thirds of provinces" is 66.67 %). */
export const EN_FRACTIONS: Readonly<Record<string, number>> = {
  'one-half': 50, 'one-third': 33.33, 'a third': 33.33, 'two-thirds': 66.67, 'one-quarter': 25, 'a quarter': 25,
  'three-quarters': 75, 'three-fourths': 75, 'one-fifth': 20, 'a fifth': 20,
};

/** Currencies written before or after a figure, and the unit claims use. */
export const EN_CURRENCIES: readonly [written: string, unit: string][] = [
  ['US$', 'USD'], ['USD', 'USD'], ['$', 'USD'], ['VND', 'đồng'], ['VNĐ', 'đồng'], ['dong', 'đồng'], ['EUR', 'EUR'], ['€', 'EUR'],
];

/** Verbs between a metric and its figure, and the direction they give it. */
export const EN_VERBS: readonly [verb: string, change: 'up' | 'down' | null][] = [
  ['grew by', 'up'], ['grew', 'up'], ['rose by', 'up'], ['rose', 'up'], ['increased by', 'up'], ['increased', 'up'], ['went up', 'up'],
  ['expanded by', 'up'], ['expanded', 'up'], ['climbed', 'up'], ['surged', 'up'], ['jumped', 'up'], ['was up', 'up'], ['were up', 'up'], ['up', 'up'],
  ['fell by', 'down'], ['fell', 'down'], ['dropped by', 'down'], ['dropped', 'down'], ['decreased by', 'down'], ['decreased', 'down'],
  ['declined', 'down'], ['went down', 'down'], ['was down', 'down'], ['were down', 'down'], ['down', 'down'],
  ['reached', null], ['hit', null], ['totaled', null], ['totalled', null], ['amounted to', null], ['stood at', null], ['topped', null],
  ['was', null], ['were', null], ['is', null], ['are', null], ['of', null], ['at', null], ['with', null], ['had', null], ['has', null], ['have', null],
  ['recorded', null], ['attracted', null], ['exceeded', null], ['surpassed', null], ['accounted for', null], ['accounting for', null],
];

/** Ordinals, as words and as numbers with a suffix. */
export const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, twentieth: 20,
};

/** Kinds of meeting as English names them. */
export const EN_MEETING_KINDS: readonly string[] = ['plenary session', 'working session', 'press conference', 'meeting', 'conference', 'session', 'forum', 'summit', 'dialogue', 'seminar', 'workshop'];

export const EN_MONTHS: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * English phrasings of the metric catalog's entries (src/facts/data/metrics.ts), so that a figure from an
 * English edition gets the same key as the Vietnamese one. A rate with a direction is looked up as
 * "<metric> growth" ("GDP grew 7.72 percent" → "gdp growth").
 */
export const EN_METRIC_PHRASINGS: Readonly<Record<string, readonly string[]>> = {
  'gdp-growth': ['gdp growth', 'economic growth', 'growth rate of gdp', 'gross domestic product growth', 'economy growth'],
  'gdp-per-capita': ['gdp per capita', 'per capita gdp', 'per capita income'],
  cpi: ['cpi', 'consumer price index', 'consumer price index growth', 'cpi growth'],
  'core-inflation': ['core inflation'],
  inflation: ['inflation', 'inflation rate'],
  'fdi-registered': ['registered fdi', 'fdi registered', 'registered foreign direct investment', 'foreign direct investment pledges', 'fdi pledges', 'fdi commitments'],
  'fdi-disbursed': ['disbursed fdi', 'fdi disbursement', 'fdi disbursed', 'foreign direct investment disbursement', 'realised fdi', 'realized fdi'],
  'public-investment-disbursement': ['public investment disbursement', 'disbursement of public investment', 'public investment capital disbursement'],
  exports: ['exports', 'export turnover', 'export value', 'export revenue', 'exports growth', 'export growth'],
  imports: ['imports', 'import turnover', 'import value', 'imports growth', 'import growth'],
  'trade-balance': ['trade surplus', 'trade deficit', 'trade balance'],
  'trade-total': ['total trade', 'import-export turnover', 'total import-export turnover', 'two-way trade'],
  'budget-revenue': ['state budget revenue', 'budget revenue', 'budget collection', 'state budget collection'],
  'budget-expenditure': ['state budget expenditure', 'budget expenditure', 'budget spending'],
  'new-enterprises': ['newly established enterprises', 'new enterprises', 'newly registered enterprises', 'new businesses', 'newly established businesses'],
  'online-public-services': ['online public services', 'full-process online public services'],
  'retail-sales': ['retail sales', 'total retail sales', 'retail sales of goods and services'],
  'industrial-production': ['industrial production index', 'index of industrial production', 'iip', 'industrial production'],
  'unemployment-rate': ['unemployment rate', 'unemployment'],
  'credit-growth': ['credit growth'],
  'international-visitors': ['international visitors', 'international arrivals', 'foreign visitors', 'foreign arrivals', 'international tourists', 'foreign tourists'],
  'base-salary': ['base salary', 'basic salary', 'statutory pay rate', 'base wage'],
  'regional-minimum-wage': ['regional minimum wage', 'regional minimum wages', 'minimum wage'],
  'social-housing': ['social housing', 'social housing units', 'social housing apartments'],
  'digital-economy-share': ['digital economy share', 'share of the digital economy'],
};
