/**
 * Crisis lexicon, version 1: rules as data for the crisis stage. One entry per crisis kind with
 * its cues (RegExp sources; weight 0.9 = enough alone, 0.5 = needs a second cue), kind-specific
 * exceptions, and the warm message the author sees. Shared modifiers below suppress cues in
 * clauses that tell a past crisis, joke, talk in general, or deny.
 * Written for this project. Changing a cue is a new version: bump CRISIS_LEXICON_VERSION.
 */
import type { Cue } from '../boundaries/text.js';

export const CRISIS_LEXICON_ID = 'crisis-lexicon';
export const CRISIS_LEXICON_VERSION = '1.3.1';

export type CrisisKind = 'suicidal' | 'self_harm' | 'overdose' | 'medical_emergency' | 'abuse';

export interface CrisisKindEntry {
  kind: CrisisKind;
  rule: string;
  title: string;
  description: string;
  /** Shown to the author first, before the community's crisis resources. Warm, plain words. */
  message: string;
  cues: Cue[];
  /** Clause-level exceptions for this kind only. */
  unless?: Cue[];
  /** The sentence must be about the author (I, me, my...) for cues of this kind to count. */
  requireFirstPerson: boolean;
  /**
   * Where "about the author" is judged (default 'sentence'). 'message': any first-person sentence in
   * the message is enough, for kinds where the author reports harm to someone in their care
   * ("The staff slapped her yesterday. I saw the marks today.").
   */
  firstPersonScope?: 'sentence' | 'message';
  /** Extra past-time markers that rule out this kind (e.g. "yesterday" for emergencies happening now). */
  extraPast?: Cue[];
}

export interface CrisisLexicon {
  id: string;
  version: string;
  /** Priority order: the first kind found decides the message wording. */
  kinds: CrisisKindEntry[];
  modifiers: {
    /** Clause tells about the past or about recovery. */
    past: Cue[];
    /** Sentence is a joke or an idiom ("this meeting is killing me"). */
    humour: Cue[];
    /** Sentence asks or talks in general (risks, signs, news, research, "if I ever"). */
    general: Cue[];
    /** Clause denies ("I'm not suicidal", "I'd never hurt myself", "I'm safe"). */
    negation: Cue[];
    /** Marks a clause as happening now, so a past marker elsewhere in the sentence does not cancel it. */
    present: Cue[];
    /** Message says the author is doing better now: only weak cues are suppressed by this. */
    recovery: Cue[];
    /** Counts as "about the author". */
    firstPerson: Cue[];
    /**
     * Names someone other than the author. A sentence with neither first nor third person
     * ("suicidal again.", "did it twice today") is taken as about the author when the message
     * has a first-person sentence.
     */
    thirdPerson: Cue[];
  };
  /** Score (noisy-or of cue weights over a message) at which a kind is reported. */
  threshold: number;
}

const QTY = String.raw`whole|entire|all|full|bunch|handful|lot|lots|load|loads|massive|huge|ton|too\s+many|everything|month's|week's|\d{2,}|twenty|thirty|forty|fifty|a\s+hundred`;
const PILLS = String.raw`pills?|tablets?|meds?|medications?|medicines?|bottle|pack|packet|blister|supply|insulin|paracetamol|tylenol|acetaminophen|ibuprofen|pens?|cabinet|antidepressants?|painkillers?|[a-z]+(?:pine|pam|lam|done|codone|ium|zole|lone|ine|pril|olol)`;
/** Body parts named in self-harm (not hands or fingers, which kitchen accidents name). */
const BODY = String.raw`arms?|forearms?|legs?|wrists?|thighs?|skin|stomach|belly|hips?|chest|ribs|calf|calves|ankles?|shoulders?|knuckles|face|neck|body|scalp`;
/** Quantities that say "far more than a dose" (numbers of ten or more, multiples, "everything"). */
const QTY_N = String.raw`${QTY}|a\s+(?:whole\s+)?(?:bottle|pack|packet|box|strip|tub|sheet|blister\s+pack)\s+of|double|triple|(?:two|three|four|five|ten|\d+)\s+times|sixty|seventy|eighty|ninety`;
/** Medicine words: the crisis list plus the shared medication lexicon ({ANYMED}). */
const MEDS = String.raw`${PILLS}|prescriptions?|scripts|{ANYMED}`;
/** Words that make "overdosing on X" an idiom unless X is a medicine or drug. */
const DRUGS = String.raw`heroin|cocaine|coke|ketamine|mdma|speed|meth|opiates?|opioids?|benzos?|downers|sleepers|alcohol`;
/** Injury verbs that, done on purpose, mean self-harm. */
const INJURE = String.raw`cut|cutting|burn\w*|hurt|hurting|bruis\w*|hit|hitting|punch\w*|scratch\w*|bit|bite|biting|pull\w*|open(?:ed|ing)?|reopen\w*|pick\w*|bang\w*|starv\w*|bleed\w*|slam\w*|stab\w*`;
/** People who may be named as harming the author or someone in their care. */
const HOUSEHOLD = String.raw`he|she|they|partner|husband|wife|boyfriend|girlfriend|son|daughter|carer|caregiver|mum|mom|dad|father|mother|brother|sister|ex|stepdad|stepfather|stepmum|stepmom|fiance|fianc\u00e9|uncle|aunt|grandson|nephew`;
const PERPETRATOR_VERBS = String.raw`hit|hits|hitting|beat|beats|beating|slap|slaps|slapped|slapping|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|chok(?:e|es|ed|ing)|strangl\w+|push(?:es|ed)?|shov(?:e|es|ed)|burns|hurts|touches|touched|grabbed|rap(?:e|es|ed)|smack(?:s|ed)?|bit|kicked|shoved|pinned|dragged|spat\s+(?:at|on)|pinch(?:es|ed)?`;

export const CRISIS_LEXICON_V1: CrisisLexicon = {
  id: CRISIS_LEXICON_ID,
  version: CRISIS_LEXICON_VERSION,
  threshold: 0.6,
  kinds: [
    {
      kind: 'medical_emergency',
      rule: 'CRISIS_MEDICAL_EMERGENCY',
      title: 'Medical emergency happening now',
      description: 'Someone is having emergency symptoms now: chest pain spreading, cannot breathe, collapse, seizure that will not stop, stroke signs, heavy bleeding, a child who swallowed something dangerous.',
      message:
        'This sounds like it could be an emergency happening right now. Please call your local emergency number now and don\u2019t wait for replies here. We\u2019re holding your message so a moderator sees it straight away.',
      requireFirstPerson: false,
      cues: [
        { id: 'EM_HAVING_EVENT', pattern: String.raw`\b(?:I'm|I\s+am|he's|she's|he\s+is|she\s+is|they're|(?:my|our)\s+\w+(?:'s|\s+is))\s+(?:\w+\s+)?having\s+(?:a|an)\s+(?:heart\s+attack|stroke|seizure|asthma\s+attack|allergic\s+reaction|anaphylactic\s+\w+|fit)\b` },
        { id: 'EM_CHEST', pattern: String.raw`\bchest\b[^.]{0,30}\b(?:crushing|pain|pressure|tight\w*|hurts|sweat\w*)\b[^.]{0,60}\b(?:right\s+now|now|jaw|arm|spreading|going\s+into|can't\s+breathe)\b|\bcrushing\b[^.]{0,20}\bchest\b|\bclutching\s+(?:his|her|my|their)\s+chest\b` },
        { id: 'EM_BREATHING', pattern: String.raw`\b(?:can't|cannot|can\s+not)\s+breathe\b|\bgasping\b|\bgone\s+(?:grey|gray|blue)\b|\b(?:not|isn't|stopped)\s+breathing\b|\bstruggling\s+to\s+breathe\b|\bbreathing\s+(?:sounds\s+|is\s+)?(?:weird|strange|funny|wrong)\b` },
        { id: 'EM_AIRWAY', pattern: String.raw`\b(?:throat|tongue|lips?|face)\b[^.]{0,20}\b(?:closing|swelling|swollen|feels?\s+tight)\b` },
        { id: 'EM_UNRESPONSIVE', pattern: String.raw`\bcollapsed\b|\bnot\s+responding\b(?!\s+to\b)|\bunresponsive\b|\bunconscious\b|\bout\s+cold\b|\b(?:won't|isn't|not|can't)\s+(?:wake|waking)\b|\b(?:isn't|is\s+not|not)\s+breathing\b` },
        { id: 'EM_SEIZURE', pattern: String.raw`\bseizure\b[^.]{0,40}\b(?:minutes|not\s+stopping|won't\s+stop|hasn't\s+stopped|still\s+going)\b` },
        { id: 'EM_STROKE', pattern: String.raw`\bface\b[^.]{0,15}\b(?:droop\w*|lopsided)|\bdrooping\b|\bslurr(?:ed|ing)\b|\b(?:arm|leg|side)\s+(?:is|went|has\s+gone)\s+(?:limp|numb|weak|dead)\b|\bcan't\s+(?:lift|move|feel)\s+(?:my|his|her|their)\s+(?:arm|leg|left|right|side)\b` },
        { id: 'EM_HYPO', pattern: String.raw`\b(?:blood\s+)?sugar\s+is\s+(?:[1-3]\d|[1-2](?:\.\d)?)\b[^.]{0,40}\b(?:confused|shaking|can't|passing|dizzy|sweating)\b` },
        { id: 'EM_CYANOSIS', pattern: String.raw`\bturning\s+blue\b|\blips?\s+(?:are|look|is)\s+blue\b` },
        { id: 'EM_BLEEDING', pattern: String.raw`\bbleeding\s+(?:a\s+lot|heavily|badly)\b|\b(?:heavy|severe|massive)\s+bleeding\b|\b(?:won't|will\s+not|doesn't)\s+stop\s+bleeding\b|\bbleeding\s+(?:won't|will\s+not)\s+stop\b|\bsoaking\s+through\b|\bspurting\b|\b(?:coughing|throwing|vomiting)\s+up\s+(?:a\s+lot\s+of\s+)?blood\b|\bvomiting\s+blood\b` },
        { id: 'EM_HEAD_INJURY', pattern: String.raw`\bhit\s+(?:his|her|my|their)\s+head\b[^.]{0,40}\b(?:vomiting|confused|unconscious|won't\s+wake|passed\s+out|sleepy)\b` },
        { id: 'EM_INGESTION', pattern: String.raw`\bswallowed\s+(?:a|an|one|the|some)\s+(?:button\s+)?(?:battery|batteries|magnet|magnets|pod|bleach)\b|\bswallowed\s+one\b|\bgot\s+into\s+the\s+(?:dishwasher|laundry|bleach|medicine|pills)\b|\bbutton\s+battery\b[^.]{0,20}\b(?:just|now)\b|\bdrank\s+(?:some\s+)?(?:bleach|antifreeze|detergent)\b` },
        { id: 'EM_HEADACHE', pattern: String.raw`\bworst\s+headache\s+of\s+my\s+life\b|\bthunderclap\b` },
        { id: 'EM_DKA', pattern: String.raw`\bketones\s+are\s+(?:high|large|through\s+the\s+roof)\b|\bcan't\s+stop\s+vomiting\b` },
        { id: 'EM_ASTHMA', pattern: String.raw`\binhaler\s+(?:isn't|is\s+not|not)\s+(?:working|helping)\b` },
        { id: 'EM_HEART_RATE', pattern: String.raw`\b(?:heart|pulse)\b[^.]{0,20}\b(?:racing|beating|is)\s+(?:at\s+)?(?:1[6-9]\d|2\d\d)\b|\b(?:going|about)\s+to\s+pass\s+out\b` },
        { id: 'EM_PREGNANCY_BLEED', pattern: String.raw`\bpregnant\b[^.]{0,40}\bbleeding\b` },
        { id: 'EM_HEART_ATTACK', pattern: String.raw`\bI\s+think\s+I'm\s+having\b|\bheart\s+attack\s+(?:right\s+)?now\b` },
        // 1.3.0: general symptom families, with onset-now as a supporting cue.
        { id: 'EM_BLOOD_UP', pattern: String.raw`\b(?:coughing|throwing|vomiting|spitting|bringing|puking)\s+up\s+(?:\w+\s+){0,3}blood\b|\bcoffee[- ]grounds?\b|\b(?:black|tarry)\s+(?:and\s+tarry\s+)?(?:poo|stool|stools)\b|\bblood\s+(?:everywhere|is\s+pouring|pouring\s+out|won't\s+stop)\b|\bbleeding\s+(?:through|everywhere|non[- ]?stop)\b` },
        { id: 'EM_CYANOSIS_ANY', pattern: String.raw`\b(?:lips?|face|fingers?|fingertips|skin|nails|mouth)\b[^.]{0,12}\b(?:going|gone|turning|turned|look(?:s|ing)?|are|is|went)\s+(?:a\s+bit\s+|kind\s+of\s+)?(?:blue|grey|gray|purple|bluish|blueish)\b|\b(?:he's|she's|he\s+is|she\s+is|baby\s+is|they're|he\s+went|she\s+went)\s+(?:going\s+|turning\s+|gone\s+)?(?:blue|grey|gray|purple)\b` },
        { id: 'EM_SUDDEN', pattern: String.raw`\bsudden(?:ly)?\b[^.]{0,30}\b(?:can't\s+see|vision|blind|numb|weak|heavy|confused|slurr\w*|short\s+of\s+breath|breathless|can't\s+breathe|chest\s+pain|headache|collapsed|can't\s+(?:move|speak|talk|walk|feel))|\b(?:vision\s+loss|lost\s+(?:the\s+|my\s+)?(?:vision|sight)|gone\s+blind|can't\s+see\s+out\s+of)\b`, weight: 0.5 },
        { id: 'EM_LIMB', pattern: String.raw`\b(?:arm|leg|face|side|hand)\s+(?:is|went|has\s+gone|feels?|feeling|is\s+going|going|has\s+gone)\s+(?:all\s+|really\s+|very\s+|so\s+)?(?:limp|numb|weak|dead|heavy)\b|\bcan't\s+(?:get\s+my\s+words\s+out|find\s+(?:my|the)\s+words|speak\s+properly)\b`, weight: 0.5 },
        { id: 'EM_BREATH', pattern: String.raw`\bshort\s+of\s+breath\b|\bbreathless\b|\bhurts\s+to\s+breathe\b|\bpain\s+when\s+I\s+breathe\b|\bcan't\s+(?:catch\s+my\s+breath|get\s+(?:enough\s+)?air)\b|\bbreathing\s+(?:sounds\s+)?like\s+(?:snoring|gurgling|rattling)\b|\b(?:gurgling|rattling)\s+(?:breath|breathing)\b`, weight: 0.5 },
        { id: 'EM_ABDOMEN', pattern: String.raw`\b(?:stomach|abdomen|belly|tummy)\s+is\s+(?:rock\s+hard|rigid|hard\s+as\s+a\s+rock)\b|\bpain\s+(?:is\s+)?(?:a\s+)?(?:10|ten)\s*(?:\/|out\s+of)\s*(?:10|ten)\b|\bworst\s+pain\s+(?:of\s+my\s+life|I've\s+ever)\b`, weight: 0.5 },
        { id: 'EM_CALF', pattern: String.raw`\b(?:calf|leg)\b[^.]{0,20}\b(?:swollen|hot|red)\b`, weight: 0.35 },
        { id: 'EM_INFANT', pattern: String.raw`\b(?:newborn|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:-|\s)?(?:weeks?|days?|wks?)\s*(?:-|\s)?old)\b[^.]{0,60}\b(?:fever|temp\w*|floppy|limp|blue|grunting|won't\s+feed|not\s+feeding|won't\s+wake)\b|\b(?:floppy|limp|lethargic)\b[^.]{0,30}\b(?:won't|not|isn't|can't)\s+(?:feed|feeding|eat|drink|wake|waking)\b` },
        { id: 'EM_SEIZURE_RUN', pattern: String.raw`\b(?:seizures?|fits?|fitting|convulsing)\b[^.]{0,40}\b(?:back\s+to\s+back|one\s+after\s+(?:another|the\s+other)|not\s+coming\s+(?:round|around|to)|isn't\s+coming\s+(?:round|around|to)|won't\s+come\s+(?:round|around))\b` },
        { id: 'EM_INHALER', pattern: String.raw`\binhaler\s+(?:isn't|is\s+not|not|doesn't|does\s+not)\s+(?:working|helping|doing\s+(?:anything|a\s+thing)|touching\s+it|do\s+anything)\b` },
        { id: 'EM_ONSET_NOW', pattern: String.raw`\b(?:started|began|came\s+on|kicked\s+in)\s+(?:just\s+now|suddenly|out\s+of\s+nowhere|(?:about\s+|like\s+)?(?:a\s+few|\d+|five|ten|fifteen|twenty|thirty)\s+min\w*\s+ago|(?:about\s+)?(?:an|half\s+an)\s+hour\s+ago)\b|\bjust\s+now\b|\bright\s+now\b|\b(?:for\s+the\s+(?:last|past)|been\s+like\s+this\s+(?:for\s+)?)\s*(?:\d+|few|five|ten|twenty|thirty)\s+min\w*\b|\b(?:\d+|five|ten|fifteen|twenty|thirty)\s+min(?:ute)?s?\s+ago\b`, weight: 0.35 },
      ],
      unless: [
        { id: 'EM_PANIC_IDIOM', pattern: String.raw`\bpanic\s+attacks?\b|\bfeels?\s+like\s+(?:I|you)(?:'m|\s+am|\s+are|'re)?\s+(?:can't\s+breathe|having|dying)\b|\bI've\s+been\s+checked\b|\bcan't\s+breathe\s+(?:without|for\s+laughing)\b` },
        { id: 'EM_SECOND_PERSON', pattern: String.raw`\bif\s+(?:you|someone|anyone)\b|\byou're\s+having\b` },
        { id: 'EM_NOSE', pattern: String.raw`\bbreathe\s+through\s+(?:my|his|her|their|the)\s+nose\b|\b(?:blocked|stuffy|bunged\s+up)\s+nose\b` },
      ],
      extraPast: [
        { id: 'EM_EARLIER', pattern: String.raw`\byesterday\b|\blast\s+(?:night|week)\b|\bearlier\b|\bthis\s+morning\b|\bwent\s+to\s+the\s+(?:er|hospital|a&e|emergency)\b|\bthey\s+said\b|\bsorted\s+it\b|\bit\s+stopped\b|\bcame\s+back\s+up\b|\bwas\s+(?:bad|scary)\b` },
      ],
    },
    {
      kind: 'overdose',
      rule: 'CRISIS_OVERDOSE',
      title: 'Intentional overdose',
      description: 'The author says they have taken, or have just taken, far more medicine than prescribed, on purpose or to escape.',
      message:
        'If you have taken more medicine than you should, please call your emergency number or poison control right now, even if you feel okay, because some overdoses cause harm hours later. You deserve help, and we\u2019re holding your message so a moderator sees it straight away.',
      requireFirstPerson: true,
      cues: [
        { id: 'OD_TOOK_QUANTITY', pattern: String.raw`\b(?:took|taken|swallowed|downed|ate|necked|just\s+had)\b[^.]{0,40}\b(?:${QTY})\b[^.]{0,40}\b(?:${PILLS})\b` },
        { id: 'OD_WORD', pattern: String.raw`\bI(?:'ve|\s+have|\s+just|\s+think\s+I)?\s+(?:overdosed|OD'?d|ODed)\b|\bI'm\s+overdosing\b|\b(?:took|taken)\s+an\s+overdose\b` },
        { id: 'OD_ON_PURPOSE', pattern: String.raw`\btoo\s+many\b[^.]{0,30}\bon\s+purpose\b|\b(?:pills|tablets|meds)\b[^.]{0,40}\bon\s+purpose\b|\bsleep\s+forever\b` , weight: 0.6 },
        // 1.3.0: any medicine name, intent to overdose, holding a large quantity, mixing with alcohol.
        { id: 'OD_TOOK_MED', pattern: String.raw`\b(?:took|taken|swallowed|downed|ate|necked|injected)\b[^.]{0,30}\b(?:${QTY_N})\b[^.]{0,30}(?:${MEDS})` },
        { id: 'OD_PURPOSE_MED', pattern: String.raw`\b(?:took|taken|swallowed|downed|injected|ate|had)\b[^.]{0,50}(?:${MEDS}|\bdoses?\b|\bunits\b)[^.]{0,40}\b(?:on\s+purpose|deliberately|intentionally)\b|\b(?:deliberately|intentionally)\s+(?:took|overdosed|swallowed|injected)\b` },
        { id: 'OD_INTENT', pattern: String.raw`\b(?:gonna|gunna|going\s+to|want\s+to|wanna|about\s+to|planning\s+(?:to|on)|plan\s+to|will|tempted\s+to|thinking\s+(?:about|of))\s+(?:OD|OD'?ing|overdos\w*)\b|\b(?:gonna|gunna|going\s+to|about\s+to|planning\s+to|plan\s+to|want\s+to|wanna|I'll|I\s+will)\s+(?:take|swallow|down|neck)\s+(?:everything|the\s+lot|them\s+all|all\s+of\s+(?:them|it|my\s+\w+)|(?:the|my)\s+(?:whole|entire)\b|every\s+(?:single\s+)?(?:pill|tablet)|all\s+(?:my|the|these|of\s+my)\s+(?:\w+\s+)?(?:${MEDS}))` },
        { id: 'OD_HOLDING', pattern: String.raw`\b(?:${QTY_N})\s+(?:of\s+)?(?:my\s+|the\s+|my\s+\w+'?s?\s+)?(?:\w+\s+)?(?:${MEDS})[^.]{0,40}\b(?:in\s+my\s+hand|in\s+front\s+of\s+me|right\s+here|ready\s+to\s+(?:go|take))\b` },
        { id: 'OD_COUNTED', pattern: String.raw`\b(?:counted|poured|tipped|emptied|laid)\s+out\s+(?:all\s+)?(?:of\s+)?(?:my\s+|the\s+)?(?:\w+\s+)?(?:${MEDS})`, weight: 0.5 },
        { id: 'OD_MIX', pattern: String.raw`\b(?:mix(?:ed|ing)?|took|taking|swallowed|washed|washing)\b[^.]{0,20}\b(?:${QTY})\b[^.]{0,30}(?:${MEDS})[^.]{0,30}\b(?:with|down\s+with)\s+(?:a\s+(?:whole\s+)?bottle\s+of\s+|some\s+|the\s+)?(?:vodka|wine|whisky|whiskey|gin|rum|beer|alcohol|booze|drink)\b`, weight: 0.6 },
        { id: 'OD_STOCKPILE', pattern: String.raw`\b(?:stockpil\w+|sav(?:e|ed|ing)(?:\s+up)?|hoard\w*|stash\w*|collect\w*|squirrel\w*\s+away|keep(?:ing)?|kept|hid(?:den|ing|e)?)\b[^.]{0,25}(?:${MEDS})`, weight: 0.5 },
        { id: 'OD_KNOW_AMOUNT', pattern: String.raw`\b(?:know|knows|worked\s+out|figured\s+out|looked\s+up|googled|calculated)\s+(?:exactly\s+)?how\s+many\b[^.]{0,30}\b(?:it\s+(?:would\s+)?takes?|I\s+(?:need|would\s+need|'d\s+need)|to\s+take|would\s+do\s+it)\b|\benough\s+(?:\w+\s+){0,3}to\s+(?:not\s+wake\s+up|never\s+wake\s+up|die|kill\s+me|end\s+it|be\s+fatal)\b`, weight: 0.6 },
        { id: 'OD_RESOLVE', pattern: String.raw`\b(?:tonight|today)(?:'s|\s+is)\s+the\s+(?:night|day)\b|\bfor\s+when\s+I\s+(?:decide|am\s+ready|'m\s+ready|need\s+(?:them|it))\b|\bI\s+think\s+it's\s+time\b`, weight: 0.35 },
      ],
      unless: [
        { id: 'OD_ACCIDENTAL', pattern: String.raw`\baccidentally\b|\bby\s+mistake\b|\bforgot\s+I\s+(?:had\s+)?(?:already\s+)?taken\b` },
        { id: 'OD_IDIOM', pattern: String.raw`\boverdos\w*\s+on\s+(?!(?:my|his|her|their|the|a|an|all|some|too|purpose|\d+|${DRUGS})\b)(?!(?:${MEDS}))\w+` },
        { id: 'OD_ROUTINE', pattern: String.raw`\b(?:organi[sz]er|dosette|pill\s*box|blister\s+packs?\s+from|for\s+the\s+week|weekly|as\s+prescribed|with\s+me\s+(?:on|to)|on\s+(?:holiday|vacation|the\s+trip)|in\s+(?:my|a|the)\s+(?:bag|case|suitcase))\b` },
      ],
    },
    {
      kind: 'suicidal',
      rule: 'CRISIS_SUICIDAL',
      title: 'Suicidal thoughts or plans',
      description: 'The author says they want to die, are thinking of ending their life, or are making plans or goodbyes.',
      message:
        'Thank you for telling us how you feel. You matter, and you don\u2019t have to carry this alone: please reach out to one of the contacts below right now. A moderator will see your message straight away.',
      requireFirstPerson: true,
      cues: [
        { id: 'SU_KILL_MYSELF', pattern: String.raw`\b(?:kill|killing|off)\s+myself\b|\bkms\b|\bunaliv\w*\b|\bkill\s+my\s*self\b|\bself[- ]?delet\w*\b|\bsewer\s*slide\b|\bend\s+myself\b` },
        { id: 'SU_END_LIFE', pattern: String.raw`\b(?:end|ending|ended|take|taking)\s+my\s+(?:own\s+)?life\b|\bend(?:ing|ed)?\s+it\s+all\b|\b(?:end|ending)\s+(?:it|things|everything)\b(?!\s+(?:with|between|for\s+(?:today|now)))` },
        { id: 'SU_SUICIDAL', pattern: String.raw`\bsuicidal\b|\bsuicide\b` },
        { id: 'SU_WANT_DIE', pattern: String.raw`\bwant(?:s|ed)?\s+to\s+die\b|\bwanna\s+die\b|\bwish\s+I\s+(?:was|were)\s+dead\b|\bready\s+to\s+die\b|\bhow\s+to\s+die\b|\bways\s+to\s+(?:die|end\s+it)\b` },
        { id: 'SU_NOT_ALIVE', pattern: String.raw`\b(?:don't|do\s+not|dont)\s+want\s+to\s+(?:be\s+alive|live|be\s+here|wake\s+up|exist|go\s+on)\b|\bnever\s+wake\s+up\b|\bnot\s+(?:to\s+)?wake\s+up\b` },
        { id: 'SU_BURDEN_GONE', pattern: String.raw`\bbetter\s+(?:off\s+)?without\s+me\b|\bif\s+I\s+(?:was|were)\s+gone\b|\bwon't\s+have\s+to\s+deal\s+with\s+me\b|\bno\s+one\s+would\s+(?:even\s+)?(?:miss|notice|care)\b` },
        { id: 'SU_NO_REASON', pattern: String.raw`\b(?:no|not\s+any)\s+(?:reason|point)\s+(?:to|in)\s+(?:live|living|go\s+on|going\s+on)\b|\bpoint\s+of\s+living\b|\b(?:not|isn't|is\s+not)\s+worth\s+living\b|\bdone\s+with\s+(?:life|living)\b` },
        { id: 'SU_DISAPPEAR', pattern: String.raw`\bdisappear\s+forever\b|\bwant\s+(?:it\s+all|everything|it)\s+to\s+(?:stop|end)\s+(?:forever|permanently|for\s+good)\b|\b(?:researching|looking\s+up|googling|reading\s+up\s+on)\s+(?:methods|ways\s+to\s+die|how\s+to\s+die)\b|\b(?:stop|stopped|cease|ceasing)\s+(?:to\s+)?exist(?:ing)?\b|\bnot\s+exist\s+anymore\b|\bsleep\s+forever\b|\bway\s+out\s+(?:except|but)\s+(?:dying|death)\b|\bonly\s+way\s+out\b|\bwant\s+(?:it\s+all|everything)\s+to\s+end\b|\bwant\s+it\s+to\s+end\s+(?:permanently|forever)\b` },
        { id: 'SU_GOODBYES', pattern: String.raw`\b(?:said|saying)\s+(?:my\s+)?goodbyes?\b|\bgoodbye\s+(?:letters?|notes?)\b|\bgiven\s+away\s+my\s+(?:things|stuff|belongings)\b|\bletters?\s+to\s+my\s+(?:kids|children|family|husband|wife|parents)\b|\bsuicide\s+note\b` },
        { id: 'SU_MEANS', pattern: String.raw`\b(?:bought|got|have)\s+(?:a|the)\s+rope\b|\b(?:using|use)\s+it\s+on\s+myself\b|\bgun\b[^.]{0,60}\bmyself\b|\bstanding\s+on\s+(?:the|a)\s+(?:bridge|ledge|roof|edge)\b|\bdrive\s+(?:into|off)\s+(?:the|a)\s+(?:river|lake|wall|tree|cliff|bridge|traffic)\b|\bpills\s+(?:lined\s+up|ready|saved\s+up)\b|\b(?:jump|jumping)\s+(?:off|from)\s+(?:the|a|my)\b|\bstep\s+in\s+front\s+of\s+(?:a|the)\s+(?:train|bus|car|truck|lorry)\b|\b(?:stockpil\w+|saving\s+up|hoarding)\s+(?:my\s+)?(?:meds|pills|tablets|medication)\b` },
        { id: 'SU_PLAN', pattern: String.raw`\bplanning\s+how\s+to\b|\bmy\s+plan\s+is\s+to\b|\b(?:tonight's|today's)\s+the\s+(?:night|day)\b`, weight: 0.6 },
        { id: 'SU_HAVE_PLAN', pattern: String.raw`\bI\s+have\s+a\s+plan\b`, weight: 0.5 },
        { id: 'SU_NOT_WORTH_IT', pattern: String.raw`\b(?:life|living)\b[^.]{0,30}\b(?:isn't|is\s+not|not)\s+worth\s+it\b`, weight: 0.5 },
        { id: 'SU_JOIN_LOST', pattern: String.raw`\b(?:join|be\s+with)\s+(?:him|her|them)\s+(?:soon|again|now)\b`, weight: 0.6 },
        { id: 'SU_THOUGHTS_BACK', pattern: String.raw`\bthoughts\s+are\s+back\b|\bthoughts\s+of\s+(?:suicide|dying|ending\s+it|killing\s+myself)\b` },
        { id: 'SU_NOTE', pattern: String.raw`\bwrote\s+(?:a|my)\s+(?:goodbye\s+|last\s+)?(?:note|letter)s?\b`, weight: 0.5 },
        { id: 'SU_CANT_GO_ON', pattern: String.raw`\bcan't\s+(?:do\s+this|go\s+on|keep\s+going|keep\s+living|keep\s+fighting|take\s+(?:it|this))(?:\s+(?:anymore|any\s+more|like\s+this))?\b`, weight: 0.5 },
        { id: 'SU_DONE', pattern: String.raw`\bI'm\s+(?:so\s+|just\s+)?done\b(?!\s+with\s+(?:this|the|my)\b)`, weight: 0.45 },
        { id: 'SU_BURDEN', pattern: String.raw`\b(?:a|being\s+a)\s+burden\b|\bI\s+think\s+I'm\s+ready\b|\bmake\s+it\s+(?:all\s+)?stop\b|\bmuch\s+longer\b`, weight: 0.5 },
        // 1.3.0: wider wording for wanting to die, burden, farewells, means, plans and hopelessness.
        { id: 'SU_WANT_DEAD', pattern: String.raw`\bwant\s+to\s+be\s+dead\b|\bwish\s+I\s+(?:could|would)\s+(?:just\s+)?die\b|\bwish\s+I\s+(?:had\s+never\s+been|was\s+never|wasn't|had\s+not\s+been)\s+born\b|\b(?:hope|pray|praying|hoping)\s+I\s+(?:don't|do\s+not|never|won't)\s+wake\s+up\b|\bif\s+I\s+(?:don't|do\s+not|never)\s+wake\s+up\b[^.]{0,30}\b(?:fine|ok|okay|good|better|whatever|don't\s+care|so\s+be\s+it)\b|\b(?:fine|ok|okay|good|better)\s+if\s+I\s+(?:don't|never)\s+wake\s+up\b|\b(?:want|wanna|going|ready|like)\s+(?:to\s+)?not\s+(?:be\s+)?(?:here|alive|around|exist)\b(?!\s+(?:for|at|when|during|on)\b)|\brather\s+(?:be\s+dead|not\s+be\s+alive|not\s+exist)\b` },
        { id: 'SU_NOT_AROUND', pattern: String.raw`\b(?:not\s+going\s+to|not\s+gonna|won't|will\s+not)\s+be\s+(?:here|around|alive|a\s+(?:problem|burden|bother))\s+(?:much\s+longer|for\s+(?:much\s+)?longer|for\s+long|tomorrow|anymore|any\s+more|after\s+(?:tonight|today|this))\b|(?<!wait\s+to\s+)\bnot\s+be\s+(?:here|around)\s+(?:anymore|any\s+more|tomorrow)\b`, weight: 0.6 },
        { id: 'SU_POINT', pattern: String.raw`\b(?:don't|do\s+not|can't|cannot|can\s+not|no\s+longer)\s+see\s+(?:the|a|any)\s+point\s+(?:in|of|to)\s+(?:living|life|waking(?:\s+up)?|being\s+(?:here|alive)|going\s+on|carrying\s+on|existing|getting\s+up|tomorrow)\b|\b(?:what's|what\s+is)\s+the\s+point\s+(?:in|of)\s+(?:living|life|waking(?:\s+up)?|being\s+(?:here|alive)|going\s+on|carrying\s+on|existing)\b|\bno\s+point\s+(?:in\s+)?(?:waking\s+up|being\s+alive|existing|being\s+here|carrying\s+on)\b|\bnothing\s+(?:left\s+)?to\s+live\s+for\b|\bno\s+reason\s+to\s+(?:stay|live|be\s+here|keep\s+going)\b` },
        { id: 'SU_POINT_WEAK', pattern: String.raw`\b(?:what's|what\s+is|don't\s+see|can't\s+see)\s+(?:the|a|any)\s+point\s+(?:in|of)\s+(?:fighting|trying|anything|any\s+of\s+(?:it|this)|it\s+all)\b|\bno\s+(?:future|hope|way\s+out)\s+(?:for\s+me|left|anymore)\b|\bthere's\s+no\s+(?:future|hope|way\s+out)\b|\bnothing\s+will\s+ever\s+(?:get\s+better|change)\b|\b(?:I'm|feel)\s+(?:so\s+)?(?:hopeless|worthless|trapped)\b`, weight: 0.5 },
        { id: 'SU_NOBODY', pattern: String.raw`\b(?:no\s*one|no-one|nobody)\s+would\s+(?:even\s+|really\s+|ever\s+)?(?:miss\s+me|care|notice)\b(?!\s+if\s+I\s+(?!(?:was|were|wasn't|weren't|disappeared|died|left\s+for\s+good|vanished|didn't\s+wake|went|just\s+(?:disappeared|died|went|vanished))\b))|\b(?:happier|better|easier|free)\s+(?:off\s+)?(?:without\s+me|if\s+I\s+(?:was|were)n't\s+(?:here|around)|when\s+I'm\s+gone)\b|\bdisappear(?:ed|ing)?\s+(?:for\s+good|forever|permanently)\b` },
        { id: 'SU_BETTER_WITH', pattern: String.raw`\bbetter\s+off\s+with\s+(?:a|another|someone|somebody)\b`, weight: 0.5 },
        { id: 'SU_INSURANCE', pattern: String.raw`\b(?:family|wife|husband|kids|children|partner|they|parents|mum|mom)\s+(?:would|will|could|'d)\s+(?:get|have|be\s+paid|receive)\s+(?:the\s+|my\s+)?(?:life\s+)?insurance\b|\binsurance\s+(?:would|will)\s+(?:pay\s+out|cover\s+(?:them|everything))\b`, weight: 0.5 },
        { id: 'SU_FAREWELL', pattern: String.raw`\b(?:this\s+is|this'll\s+be|this\s+will\s+be)\s+my\s+(?:last|final)\s+(?:post|message|time\s+(?:posting|writing))\b(?!\s+(?:before|for\s+(?:a\s+while|now|today|tonight|this)|until|till))|\b(?:goodbye|bye)\s+(?:forever|for\s+good|for\s+ever)\b|\byou\s+won't\s+(?:hear|see)\s+from\s+me\s+again\b|\bwon't\s+be\s+(?:posting|on\s+here)\s+(?:again|anymore)\b`, weight: 0.6 },
        { id: 'SU_FAREWELL_WEAK', pattern: String.raw`^(?:goodbye|bye)(?:\s+(?:everyone|all|guys|friends|everybody))?\W*$|\b(?:goodbye|bye)\s+(?:everyone|all|guys|friends|everybody)\b|\btake\s+care\s+of\s+(?:each\s+other|yourselves|my\s+\w+\s+for\s+me)\b|\bthank\s+you\s+(?:all\s+)?for\s+everything\b|\bremember\s+me\b|\bI'm\s+(?:so\s+)?sorry\s+(?:to|for)\s+(?:everyone|everything|all\s+of\s+(?:you|this))\b|\bonly\s+ones?\s+who\s+(?:got|understood|cared)\b`, weight: 0.4 },
        { id: 'SU_GIVING_AWAY', pattern: String.raw`\b(?:giv(?:e|ing|en)|gave)\s+(?:away\s+)?(?:all\s+)?(?:my|most\s+of\s+my)\s+(?:things|stuff|belongings|possessions)\b|\b(?:giv(?:e|ing|en)|gave)\s+(?:all\s+)?my\s+\w+\s+away\b|\b(?:giv(?:e|ing|en)|gave)\s+away\s+my\s+(?:cats?|dogs?|pets?)\b|\bwon't\s+(?:be\s+)?need(?:ing)?\s+(?:it|them|this|these|any\s+of\s+(?:it|this))\s*(?:anymore|any\s+more|where\s+I'm\s+going|soon)?\W*$`, weight: 0.5 },
        { id: 'SU_ROPE', pattern: String.raw`\b(?:bought|got|buy|buying|have|ordered|tied|tying|made)\s+(?:a\s+|the\s+|some\s+)?(?:rope|noose)\b|\bnoose\b|\bengine\s+running\b[^.]{0,40}\bgarage\b|\bgarage\b[^.]{0,40}\bengine\s+running\b|\bhose\b[^.]{0,20}\bexhaust\b|\bexhaust\b[^.]{0,20}\bhose\b|\bloaded\s+(?:the|my|his|a)\s+gun\b|\b(?:blade|knife|razor)\s+(?:to|against)\s+my\s+(?:throat|wrists?|neck)\b|\bmake\s+it\s+look\s+like\s+an\s+accident\b` },
        { id: 'SU_PLACE', pattern: String.raw`\b(?:train\s+tracks?|railway(?:\s+line)?|railroad|the\s+tracks|bridge|ledge|roof(?:top)?|cliff|top\s+floor|car\s+park|parking\s+(?:garage|structure|deck)|overpass|motorway|highway|balcony|tall\s+building)\b`, weight: 0.5 },
        { id: 'SU_PULL', pattern: String.raw`\bhow\s+(?:quick|fast|easy|high|far\s+down|tall|deep)\b|\b(?:keep|kept|can't\s+stop)\s+(?:staring|looking)\s+(?:at|down)\b|\bstaring\s+(?:at|down)\b|\bjump(?:ing)?\b|\bstep\s+(?:off|out\s+in\s+front|in\s+front)\b`, weight: 0.35 },
        { id: 'SU_HOW_MANY', pattern: String.raw`\bhow\s+(?:many|much)\b[^.]{0,40}\b(?:would|does|will|do)\s+it\s+take\s+to\s+(?:die|not\s+wake|never\s+wake|kill|end|be\s+(?:fatal|lethal))\b|\benough\s+(?:\w+\s+){0,3}to\s+(?:not\s+wake\s+up|never\s+wake\s+up|die|kill\s+me|end\s+it|be\s+fatal|do\s+it)\b|\b(?:know|knows|worked\s+out|figured\s+out|looked\s+up|googled|calculated)\s+(?:exactly\s+)?how\s+many\b[^.]{0,30}\b(?:it\s+(?:would\s+)?takes?|I\s+(?:need|would\s+need|'d\s+need)|would\s+do\s+it)\b` },
        { id: 'SU_LETHAL', pattern: String.raw`\blethal\s+(?:dose|amount)\b|\bhow\s+(?:many|much)\b[^.]{0,40}\bto\s+(?:die|not\s+wake\s+up|never\s+wake\s+up)\b`, weight: 0.5 },
        { id: 'SU_STOCKPILE', pattern: String.raw`\b(?:stockpil\w+|sav(?:e|ed|ing)(?:\s+up)?|hoard\w*|stash\w*|collect\w*|squirrel\w*\s+away|keep(?:ing)?|kept|hid(?:den|ing|e)?)\b[^.]{0,25}(?:${MEDS})`, weight: 0.5 },
        { id: 'SU_INTENT_OD', pattern: String.raw`\b(?:gonna|gunna|going\s+to|want\s+to|wanna|about\s+to|planning\s+(?:to|on)|plan\s+to|tempted\s+to)\s+(?:OD|overdose)\b|\b(?:gonna|gunna|going\s+to|about\s+to|planning\s+to|plan\s+to|want\s+to|wanna)\s+(?:take|swallow)\s+(?:everything|the\s+lot|them\s+all|all\s+of\s+them|every\s+(?:single\s+)?(?:pill|tablet))\b` },
        { id: 'SU_PLAN_DATE', pattern: String.raw`\bplan\s+and\s+a\s+(?:date|time|day|method)\b|\b(?:going|gonna|planning|decided)\s+to\s+(?:do\s+it|go\s+through\s+with\s+it)\s+(?:tonight|tomorrow|this\s+weekend|on\s+\w+day|when)\b|\bcheck(?:ing)?\s+out\s+(?:for\s+good|permanently|early|of\s+(?:life|this\s+world))\b` },
        { id: 'SU_TIME', pattern: String.raw`\b(?:tonight|today|tomorrow)\s+(?:is|will\s+be)\s+the\s+(?:night|day)\b|\bcheck(?:ing)?\s+out\s+(?:tonight|this\s+weekend|tomorrow|soon|on\s+\w+day)\b|\bready\s+to\s+(?:join|be\s+with)\s+(?:him|her|them)\b|\b(?:join|be\s+with)\s+(?:him|her|them|my\s+(?:\w+\s+)?(?:mum|mom|dad|mother|father|son|daughter|husband|wife|partner|baby|brother|sister|gran|grandma|grandad|nan|friend))\s+(?:in\s+heaven|up\s+there|on\s+the\s+other\s+side)\b`, weight: 0.6 },
        { id: 'SU_RESOLVE', pattern: String.raw`\bmade\s+(?:up\s+my\s+mind|my\s+peace(?:\s+with\s+it)?)\b|\bthought\s+it\s+(?:all\s+)?through\b|\b(?:I\s+think\s+)?it's\s+time\W*$|\bI'm\s+ready\W*$|\bfor\s+when\s+I\s+(?:decide|am\s+ready|'m\s+ready)\b|\bI've\s+decided\W*$|\b(?:tonight|tomorrow)\s+I'm\s+(?:doing|going\s+to\s+do)\s+it\b|\bI'm\s+(?:doing|going\s+to\s+do)\s+it\s+(?:tonight|tomorrow)\b`, weight: 0.5 },
        { id: 'SU_TRUST', pattern: String.raw`\b(?:don't|do\s+not|can't)\s+trust\s+myself\s+(?:tonight|right\s+now|anymore|alone|around\s+(?:my\s+)?(?:pills|meds|knives|the\s+\w+))\b` },
        { id: 'SU_WANT_OVER', pattern: String.raw`\bwant\s+(?:it|this|everything|it\s+all)\s+(?:to\s+be\s+)?over\b(?!\s+with)|\bwant\s+(?:it|this|everything|it\s+all)\s+to\s+(?:stop|end)\b`, weight: 0.5 },
        { id: 'SU_AMBIVALENT', pattern: String.raw`\b(?:not\s+sure|don't\s+know|dunno)\s+why\s+I'm\s+(?:posting|writing|typing|telling\s+(?:you|anyone)|saying)\b|\bdon't\s+know\s+who\s+else\s+to\s+tell\b`, weight: 0.35 },
        { id: 'SU_THINKING_OF', pattern: String.raw`\bthinking\s+(?:about|of)\s+(?:ending\s+(?:it|things|my\s+life)|killing\s+myself|suicide|dying|not\s+being\s+here|taking\s+my\s+(?:own\s+)?life|kms)\b|\b(?:can't\s+stop|keep)\s+thinking\s+about\s+(?:ending|dying|death|killing)\b` },
      ],
      unless: [
        { id: 'SU_ROUTINE', pattern: String.raw`\b(?:organi[sz]er|dosette|pill\s*box|for\s+the\s+week|weekly|as\s+prescribed)\b|\bgoodbye\s+(?:letters?|notes?)\s+to\s+(?:my\s+)?(?:old|former|past|younger)\b|\b(?:therapy|grief|bereavement)\s+(?:homework|exercise|task|work)\b|\b(?:taking\s+a\s+break|for\s+a\s+while|see\s+you\s+(?:all\s+)?(?:soon|later|next)|back\s+(?:soon|next\s+week|in\s+a))\b` },
        { id: 'SU_OTHERS', pattern: String.raw`\b(?:she's|he's|they're|she\s+is|he\s+is|they\s+are|friend\s+is|friend's)\s+(?:\w+\s+)?suicidal\b|\b(?:died|death|lost\s+\w+)\s+(?:by|to)\s+suicide\b|\bsuicide\s+(?:loss|prevention|awareness|risk|rates?|hotline|line)\b` },
      ],
    },
    {
      kind: 'self_harm',
      rule: 'CRISIS_SELF_HARM',
      title: 'Self-harm',
      description: 'The author is hurting themselves or has a strong urge to, now or recently.',
      message:
        'We\u2019re really sorry you\u2019re hurting. You deserve support right now, not judgement: please reach out to one of the contacts below. If you are injured, please get medical help. A moderator will see your message straight away.',
      requireFirstPerson: true,
      cues: [
        { id: 'SH_ACT', pattern: String.raw`\b(?:cut|cutting|burn(?:ed|ing|t)?|hurt(?:ing)?|harm(?:ing|ed)?|hit(?:ting)?|punch(?:ing|ed)?|scratch(?:ed|ing)?|slic(?:e|ed|ing)|bash(?:ing|ed)?|carv(?:e|ed|ing)(?:\s+into)?|stab(?:bed|bing)?|bit|bite|biting|gouge\w*)\s+(?:myself|my\s+(?:${BODY}))\b` },
        { id: 'SH_BODY', pattern: String.raw`\bhurting\s+my\s+(?:body|self)\b|\bpunish(?:ing)?\s+myself\b`, weight: 0.5 },
        { id: 'SH_COPE', pattern: String.raw`\bonly\s+(?:way|thing)\s+(?:that\s+)?(?:I\s+can\s+)?(?:cope|helps|feel)\b`, weight: 0.5 },
        { id: 'SH_WORD', pattern: String.raw`\bself[- ]?harm(?:ing|ed)?\b|\bself[- ]injur\w*\b` },
        { id: 'SH_URGE', pattern: String.raw`\b(?:want|need|urge|urges)\s+to\s+(?:cut|hurt\s+myself|harm\s+myself|burn\s+myself)\b(?!\s+(?:out|back|down|carbs|sugar))` },
        { id: 'SH_CUTTING', pattern: String.raw`\bcut(?:ting)?\s+(?:again|deeper)\b|\bcutting\s+is\b|\bthe\s+blade\b|\ba\s+(?:razor|blade)\s+in\s+my\s+hand\b` },
        { id: 'SH_OTHER', pattern: String.raw`\b(?:hitting|banging)\s+my\s+head\b|\bpunch\s+walls\b|\bso\s+they\s+don't\s+heal\b|\bpicking\s+at\s+my\s+(?:wounds|scabs|skin)\b` },
        // 1.3.0: intent, "until it bled", walls, carving, fresh cuts, wounds kept open, "sh", intransitive "cut".
        { id: 'SH_ABBREV', pattern: String.raw`\bsh\b(?![*@#])(?=[^.]{0,30}\b(?:again|urges?|relaps\w*|tonight|today|clean|cuts?|scars?|last\s+night|streak)\b)|\b(?:relapsed|relapse|urges?)\s+(?:on|with|to)\s+sh\b` },
        { id: 'SH_ON_PURPOSE', pattern: String.raw`\b(?:${INJURE})\b[^.]{0,40}\b(?:on\s+purpose|deliberately|intentionally)\b|\b(?:deliberately|intentionally)\s+(?:${INJURE})\b` },
        { id: 'SH_UNTIL', pattern: String.raw`\b(?:bit|bite|biting|scratch\w*|punch\w*|hit|hitting|bang\w*|pick\w*|pull\w*|dig\w*|claw\w*|rubb?\w*|scrubb?\w*|pinch\w*|slam\w*)\b[^.]{0,40}\b(?:until|till|til|'til)\s+(?:it|they|I|my\s+\w+|the\s+skin)\s+(?:bled|bleeds|bleed|was\s+bleeding|started\s+bleeding|bruised|split|broke|went\s+numb|was\s+raw|goes\s+quiet|went\s+quiet)\b|\b(?:scratch\w*|rubb\w*|scrubb\w*|clawed)\s+(?:my\s+)?\w+\s+raw\b`, weight: 0.6 },
        { id: 'SH_MOTIVE', pattern: String.raw`\b(?:to|so\s+I\s+(?:can|could))\s+(?:cope|feel\s+something|feel\s+real|punish\s+myself|calm\s+down)\b|\bbecause\s+I\s+(?:hate\s+(?:myself|my\s+body|this\s+body)|deserve|couldn't\s+scream|can't\s+cope)\b|\bI\s+deserve\s+(?:it|the\s+pain|to\s+(?:hurt|bleed|suffer|feel\s+pain))\b|\bhate\s+(?:this|my)\s+body\b`, weight: 0.5 },
        { id: 'SH_WALLS', pattern: String.raw`\b(?:punch\w*|bang\w*)\s+(?:the\s+|a\s+)?walls?\b|\b(?:hit\w*|kick\w*)\s+walls\b`, weight: 0.6 },
        // 1.3.1: a sharp point pressed or dragged into the skin (weak: evidence for the classifier, a rule only with a second cue)
        { id: 'SH_SHARP_INTO', pattern: String.raw`\b(?:dug|dig(?:s|ging)?|press(?:ed|ing)?|push(?:ed|ing)?|jabb?(?:ed|ing)?|stabb?(?:ed|ing)?|stuck|stick(?:ing)?|dragg?(?:ed|ing)?|ran|run(?:ning)?)\b[^.]{0,30}\b(?:compass|pins?|needles?|nails?|scissors|blades?|glass|razors?|knife|point|tip|edge)\b[^.]{0,20}\b(?:into|across|along|through)\s+my\s+(?:${BODY})\b`, weight: 0.5 },
        { id: 'SH_CARVE', pattern: String.raw`\b(?:carv\w+|etch\w*|scratch\w*|cut|cutting|burn\w*)\b[^.]{0,30}\binto\s+my\s+(?:${BODY})\b` },
        { id: 'SH_FRESH', pattern: String.raw`\b(?:fresh|new|deep|deeper)\s+(?:cuts?|burns?|scratches|wounds?)\b[^.]{0,30}\b(?:my|on\s+my|all\s+(?:up|over)\s+my)\s+(?:${BODY})\b|\bhow\s+deep\s+(?:it|they|the\s+cuts?)\s+(?:is|are|was|were|went)\b` },
        { id: 'SH_HIDE', pattern: String.raw`\b(?:fresh|new)\s+(?:cuts|scars|burns|marks)\b|\bhide\s+(?:the|my|them|these)\s*(?:cuts|scars|marks|burns|arms|wrists)?\b(?=[^.]*\b(?:cuts?|scars?|marks|burns?|sleeves?|them)\b)`, weight: 0.5 },
        { id: 'SH_HEAL', pattern: String.raw`\bso\s+(?:it|they|the\s+\w+)\s+(?:won't|don't|doesn't|can't|never|will\s+not)\s+heal\b|\b(?:pull\w*|rip\w*|tear\w*|pick\w*)\s+(?:my\s+)?(?:stitches|staples|scabs|wounds?)\s+(?:open|out|off)\b` },
        { id: 'SH_CUT_NOW', pattern: String.raw`\bcut(?:ting)?\s+to\s+(?:cope|feel|calm|punish|release)\b|\b(?:I|I've|I\s+just|just)\s+cut\s+(?:tonight|today|last\s+night|yesterday|this\s+(?:morning|afternoon|evening)|twice|again|so\s+deep|too\s+deep)\b` },
        { id: 'SH_RELAPSE', pattern: String.raw`\b(?:relapsed|relapse)\b[^.]{0,20}\b(?:self[- ]?harm\w*|cutting|cut|burning)\b|\bclean\s+(?:streak\s+)?(?:gone|over|broken|ruined|ended|lost)\b|\b(?:broke|lost|ruined)\s+my\s+(?:clean\s+)?streak\b`, weight: 0.5 },
      ],
      unless: [
        { id: 'SH_NOT_HARM', pattern: String.raw`\bcut\s+(?:out|back|down)\b|\bcut\s+my\s+(?:dose|hair|nails|finger|hand)\b|\bburned\s+my\s+(?:hand|finger|tongue)\b` },
        { id: 'SH_ITCH', pattern: String.raw`\b(?:itch\w*|eczema|rash|hives|psoriasis|bug\s+bites?|mosquito|chickenpox|scabies)\b|\b(?:bit|bite|biting|chew\w*|pick\w*)\s+(?:my\s+|at\s+my\s+)?(?:nails|cuticles|lips?)\b` },
        { id: 'SH_ACCIDENT', pattern: String.raw`^(?!.*\b(?:on\s+purpose|deliberately|intentionally)\b).*(?:\bby\s+accident\b|\baccidentally\b|\bshaving\b|\b(?:on|with|from)\s+(?:the\s+|a\s+|my\s+)?(?:oven|stove|kettle|iron|pan|tray|hob|grill|curling\s+iron|straighteners?|bread\s+knife|mandoline|tin\s+can)\b)` },
      ],
      extraPast: [
        { id: 'SH_HEALED', pattern: String.raw`\bold\s+(?:self[- ]harm\s+)?(?:scars?|cuts|marks|wounds)\b|\b(?:scars?|cuts|wounds)\s+(?:are|have)\s+(?:all\s+)?healed\b|\bhealed\s+(?:scars?|cuts)\b|\bthey're\s+healed\b` },
      ],
    },
    {
      kind: 'abuse',
      rule: 'CRISIS_ABUSE',
      title: 'Abuse in progress',
      description: 'The author, or someone in their care, is being hurt, threatened, controlled or is unsafe at home now or recently (partner, family, carer, staff).',
      message:
        'Your safety matters, and what is happening to you is not your fault. If you are in danger right now, please call your emergency number. The contacts below can also help you make a plan. A moderator will see your message straight away.',
      requireFirstPerson: true,
      firstPersonScope: 'message',
      cues: [
        { id: 'AB_VIOLENCE', pattern: String.raw`\b(?:${PERPETRATOR_VERBS})\s+me\b|\bthrew\s+(?:a|the|his|her)?\s*\w+\s+at\s+me\b|\bpushed\s+me\s+(?:down|into|against)\b` },
        { id: 'AB_THREAT', pattern: String.raw`\b(?:says|said|threatens?|threatened)\s+(?:he|she|they)(?:'ll|\s+will|'d|\s+would)\b[^.]{0,60}\b(?:me|if\s+I\s+(?:leave|tell|go))\b|\b(?:he|she|they)(?:'ll|\s+will|\s+said\s+(?:he|she|they)(?:'ll|\s+will|'d|\s+would))\s+kill\s+me\b|\bkill\s+me\s+if\s+I\s+(?:leave|tell|go)\b|\bthreat(?:en|ens|ened|ening)\s+(?:me|to\s+(?:hurt|kill|take))\b` },
        { id: 'AB_UNSAFE', pattern: String.raw`\bI'm\s+not\s+safe\b|\bI\s+am\s+not\s+safe\b|\bnot\s+safe\s+(?:at\s+home|here|with\s+(?:him|her|them))\b|\bscared\s+to\s+go\s+home\b|\bafraid\s+(?:of\s+(?:him|her|them|my\s+(?:husband|wife|partner|boyfriend|girlfriend|son|daughter|dad|father|mom|mother|stepfather|stepdad|ex|carer))|to\s+go\s+home)\b` },
        { id: 'AB_CONTROL', pattern: String.raw`\block(?:s|ed)?\s+me\s+(?:in|out|up)\b|\b(?:doesn't|won't|don't|refuses\s+to)\s+feed\s+me\b|\btook\s+my\s+phone\b(?!\s+(?:off|out|to|in|with|back\s+to|for)\b)|\bwon't\s+let\s+me\s+(?:have|take|see|leave|go|eat|call|use)\b|\bcontrols?\s+all\s+my\s+money\b|\bgets\s+violent\b|\bviolent\s+(?:with|towards?)\s+me\b` },
        // 1.3.0: harm to someone in the author's care, neglect, withheld medicines, rage, stalking, night visits.
        { id: 'AB_VIOLENCE_OTHER', pattern: String.raw`\b(?:${PERPETRATOR_VERBS})\s+(?:him|them|her(?!\s+(?:head|arm|leg|knee|face|back|foot|hand|elbow|hip|toe|finger|way|best|time|turn|bed|own)\b)|(?:my|our)\s+(?:\w+\s+)?(?:mum|mom|dad|mother|father|gran|grandma|grandad|grandpa|nan|son|daughter|child|kids?|sister|brother|wife|husband|partner))\b(?!\s+(?:up|with|like)\b)` },
        { id: 'AB_LOCKED', pattern: String.raw`\block(?:s|ed|ing)?\s+(?:him|her|them|(?:my|our)\s+(?!(?:car\s+)?keys|phone|car|bike|door|account|screen|laptop|bag|wallet|self)(?:\w+\s+){0,2}?\w+)\s+(?:in|out|up)\b|\b(?:doesn't|won't|don't|refuses\s+to|never)\s+(?:feed|wash|change)\s+(?:him|her|them|my\s+\w+|our\s+\w+)\b|\b(?:leave|leaves|left|leaving)\s+(?:me|him|her|them|my\s+\w+)\s+(?:in|on|lying\s+in|sitting\s+in)\s+(?:wet|soiled|dirty|(?:my|his|her|their)\s+own\s+(?:urine|mess|waste))\b`, weight: 0.6 },
        { id: 'AB_WITHHOLD', pattern: String.raw`\b(?:${HOUSEHOLD})\s+(?:won't|doesn't|refuses\s+to|will\s+not|wont)\s+(?:give|let)\s+me\s+(?:have\s+)?(?:back\s+)?my\b|\bunless\s+I\s+do\s+what\s+(?:he|she|they)\s+(?:says|say|wants?|tells?\s+me)\b|\bcontrols?\s+(?:all\s+)?my\s+(?:meds|medication|medicine|insulin|money|phone|food|pills)\b|\btook\s+(?:away\s+)?my\s+(?:keys|car\s+keys|wheelchair|chair|crutch(?:es)?|cane|walker|hearing\s+aids?|glasses|insulin|inhaler|money|cards?|passport|purse|wallet)\b` },
        { id: 'AB_RESTRICT', pattern: String.raw`\bnot\s+allowed\s+to\s+(?:leave|go\s+out|see|have|use|call|eat|talk|speak|work)\b|\b(?:checks|goes\s+through|reads|monitors|tracks)\s+(?:all\s+)?my\s+(?:phone|messages|texts|emails|location|bank)\b|\b(?:screaming|yelling|shouting|raging)\s+at\s+(?:me|us|him|her)\b|\brough\s+with\s+(?:me|him|her|them|my\s+\w+)\b|\b(?:new|unexplained|fresh)\s+bruises\b`, weight: 0.5 },
        { id: 'AB_THREAT_REGRET', pattern: String.raw`\b(?:said|says|told\s+me|warned\s+me)\s+(?:I'd|I'll|I\s+will|I\s+would|I'm\s+going\s+to|I'm\s+gonna)\s+(?:regret|pay|be\s+sorry|get\s+it|be\s+next)\b|\b(?:he|she|they)(?:'ll|\s+will|'d|\s+would)\s+(?:hurt|harm|beat|take)\s+(?:me|the\s+kids|the\s+children|my\s+(?:kids|children|son|daughter|baby)|us)\b` },
        { id: 'AB_RAGE', pattern: String.raw`\b(?:he|she|they|he's|she's|they're|(?:my\s+)?(?:husband|wife|partner|boyfriend|girlfriend|dad|father|stepdad|son|brother|ex))\s+(?:is\s+|are\s+|'s\s+)?(?:\w+\s+)?(?:throwing|smashing|breaking|punching|kicking)\s+(?:things|stuff|plates|furniture|the\s+(?:doors?|walls?|tv|furniture)|holes)\b` },
        { id: 'AB_STALK', pattern: String.raw`\b(?:outside|at)\s+my\s+(?:door|flat|house|home|window|work|apartment)\b[^.]{0,40}\b(?:banging|won't\s+leave|trying\s+to\s+get\s+in|threaten\w*|shouting|screaming)\b|\b(?:banging|pounding|kicking)\s+(?:on\s+)?(?:the|my)\s+(?:door|window)\b[^.]{0,40}\b(?:he|she|they|ex)\b|\b(?:breaking|broke|breached|ignoring)\s+(?:the|his|her|a|my)\s+(?:restraining|protective|protection|non[- ]molestation|no[- ]contact)\s+order\b` },
        { id: 'AB_FEAR', pattern: String.raw`\b(?:scared|terrified|frightened)\s+(?:of|to\s+be\s+(?:alone\s+)?with)\s+(?:him|her|them|my\s+(?:husband|wife|partner|boyfriend|girlfriend|son|daughter|dad|father|mum|mom|mother|stepfather|stepdad|ex|carer|brother))\b|\bscared\s+(?:in|at)\s+(?:my\s+own\s+)?(?:house|home)\b`, weight: 0.6 },
        { id: 'AB_NIGHT', pattern: String.raw`\b(?:comes?|came|coming|gets?|got|sneaks?)\s+(?:in)?to\s+my\s+(?:room|bed|bedroom)\b[^.]{0,20}\b(?:at\s+night|when|while)\b|\btouch(?:es|ed|ing)\s+me\s+(?:where|down\s+there|when|at\s+night)\b`, weight: 0.6 },
        { id: 'AB_MAKE_STOP', pattern: String.raw`\b(?:don't|do\s+not)\s+know\s+how\s+to\s+(?:make\s+(?:it|him|her|them)\s+stop|get\s+away|get\s+out)\b|\bI'm\s+1[0-7]\b`, weight: 0.35 },
      ],
      unless: [
        { id: 'AB_NOT_ABUSE', pattern: String.raw`\b(?:toddler|baby|cat|dog|puppy|kitten|toy|ball|physio|massage)\b|\bgoing\s+to\s+kill\s+me\s+when\b` },
        { id: 'AB_NOT_PERSON', pattern: String.raw`\b(?:it|pain|fatigue|flare|wave|anxiety|depression|grief|reality|exhaustion|tiredness|symptoms?|migraine|nausea|meds|medication|side\s+effects?)\s+(?:really\s+|just\s+|always\s+|usually\s+|hardest\s+)?(?:hits?|hit|hitting|kicks?|kicked|grabs?|grabbed|knocks?|knocked)\b` },
      ],
    },
  ],
  modifiers: {
    past: [
      { id: 'PAST_AGO', pattern: String.raw`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|a\s+few|some|a)\s+(?:years?|months?|decades?)\s+ago\b|\bI\s+once\b|\b(?:last|this\s+past)\s+(?:year|spring|summer|winter|autumn|fall)\b|\bin\s+(?:19|20)\d\d\b` },
      { id: 'PAST_LIFE_STAGE', pattern: String.raw`\bas\s+a\s+(?:teen|teenager|kid|child|student)\b|\bwhen\s+I\s+was\s+(?:younger|little|a\s+\w+|first\s+diagnosed|\d+|in\s+\w+)\b|\bin\s+my\s+(?:teens|twenties|thirties|forties|20s|30s|40s)\b` },
      { id: 'PAST_USED_TO', pattern: String.raw`\bused\s+to\b|\bback\s+(?:then|when|in)\b|\bonce\s+had\b|\bsurvived\b|\bthat\s+was\s+(?:years|a\s+long\s+time)\b` },
      { id: 'PAST_CLEAN', pattern: String.raw`\b\d+\s+(?:days?|weeks?|months?|years?)\s+(?:clean|free|since|sober)\b|\byears?\s+(?:clean|free)\b|\bhaven't\s+(?:had|felt|hurt|cut|self|been)\b|\bfor\s+over\s+a\s+year\s+now\b` },
      { id: 'PAST_PERIOD', pattern: String.raw`\bduring\s+my\s+(?:worst|last|first|previous)\b|\bafter\s+my\s+(?:stroke|attempt|overdose|heart\s+attack)\b[^.]*\b(?:relearning|recovering|learning|working)\b|\bfor\s+months\b(?=[^.]*\b(?:therapy|through|better)\b)` },
    ],
    humour: [
      { id: 'FUN_LAUGH', pattern: String.raw`\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe|jk|kidding)\b|\u{1F602}|\u{1F923}|\u{1F644}|\u{1F605}|\u{1F480}` },
      { id: 'FUN_IDIOM', pattern: String.raw`\bkill(?:ing)?\s+me\s+now\b|\b(?:is|are|was|were|'s|'re)\s+killing\s+me\b|\bkill\s+for\b|\bdying\s+(?:to|for)\b|\b(?:died|die|dying)\s+(?:of\s+)?(?:laughing|embarrassment|boredom|shame)\b|\bdeath\s+of\s+me\b|\bend\s+of\s+me\b|\bnearly\s+killed\s+me\b|\bgoing\s+to\s+kill\s+me\s+when\b|\brather\s+die\s+than\b|\bshoot\s+me\b|\bI'm\s+dead\b|\bmurdering\s+my\b|\bI\s+joke\b` },
    ],
    general: [
      { id: 'GEN_INFO', pattern: String.raw`\b(?:what\s+are\s+the|warning\s+signs|signs\s+of|risk\s+of|risks?\s+(?:with|of|for)|how\s+do\s+(?:you|I)\s+(?:support|help|know|tell)|how\s+to\s+support|does\s+anyone\s+know|is\s+it\s+(?:dangerous|safe|normal|true)|rates?\s+of|awareness|prevention|training|paper\s+on|research\s+(?:on|about|shows|says|paper|suggests)|documentary|film|movie|the\s+news|if\s+I\s+ever|leaflet|can\s+cause|statistics|helplines?\s+for|asked\s+(?:me\s+)?(?:if|whether)|what\s+number\s+would|maximum\s+amount|can\s+you\s+overdose|what\s+(?:should|do|can)\s+I\s+do\s+if\s+(?:someone|my\s+\w+|a\s+friend)|how\s+(?:can|do)\s+I\s+(?:bring\s+it\s+up|help\s+(?:him|her|them))|explain\s+how|dangerous\s+dose|curious|how\s+common)\b` },
    ],
    negation: [
      { id: 'NEG_DENIAL', pattern: String.raw`\bI(?:'m|\s+am)\s+not\s+(?:suicidal|going\s+to\s+(?:hurt|kill|do\s+anything)|in\s+danger|in\s+crisis)\b|\bI(?:'d|\s+would)\s+never\s+(?:hurt|kill|harm)\b|\bI\s+(?:don't|do\s+not)\s+(?:want\s+to\s+(?:die|hurt\s+myself|kill\s+myself)|have\s+(?:any\s+)?(?:thoughts|plans))\b|\bI(?:'m|\s+am)\s+safe\b|\bnot\s+to\s+die\b|\bsaid\s+no\b|\bnot\s+real\b` },
    ],
    present: [
      { id: 'NOW', pattern: String.raw`\b(?:now|right\s+now|tonight|today|again|currently|still|back|anymore|this\s+(?:week|morning|evening))\b` },
    ],
    recovery: [
      { id: 'REC_BETTER', pattern: String.raw`\bdoing\s+(?:much\s+|a\s+lot\s+)?better\b|\bin\s+recovery\b|\brecovered\b|\bbetter\s+place\b|\bgot\s+me\s+through\b|\bI'm\s+(?:out|safe|okay|ok|fine)(?:\s+now)?\b|\bfinally\s+safe\b|\bproud\b|\bgrateful\b|\bit\s+gets\s+(?:easier|better)\b|\bI'll\s+be\s+(?:ok|okay|fine)\b|\bwe'll\s+figure\s+it\s+out\b` },
    ],
    firstPerson: [
      { id: 'FP', pattern: String.raw`\b(?:I|I'm|I've|I'd|I'll|me|my|myself|mine|im|ive)\b|\bkms\b|\b(?:anyone|anybody)\s+else\b|\bam\s+I\s+the\s+only\b|^(?:just\s+|honestly\s+|so\s+|still\s+|really\s+)?(?:took|swallowed|downed|taken|cut|burned|relapsed|been|thinking|can't|cant|want|wanted|wanna|gonna|feel|feeling|felt|wish|tonight's|honestly|did|done|tried|trying|bought|gave|giving|started|sitting|standing|staring|lying|hiding|scared|tired|sorry|need|needed|hate|keep|kept|counted|saving|stockpiling|going|getting|planning|ready|sat|stood)\b|^(?:the\s+)?(?:suicidal\s+|dark\s+|self[- ]harm\s+)?(?:thoughts|urges?|voices|need)\b` },
    ],
    thirdPerson: [
      { id: 'OTHER', pattern: String.raw`\b(?:he|she|they|his|her|hers|him|them|their|theirs|someone|somebody|people|person|anyone|anybody|you|your|u|ur|friend|friends|patients?|teens?|teenagers?|kids|children|son|daughter|husband|wife|partner|mum|mom|dad|mother|father|character|article|study|news|show|film|celebrity|baby|toddler)\b` },
    ],
  },
};
