/**
 * Clinician boundary rules, version 1. Rules as data: ids, descriptions, default actions,
 * the explanation a clinician sees, the guidance each rule follows, and the linguistic cues
 * (RegExp sources using lexicon macros from ../lexicons.v1.ts). Serializable with JSON.stringify
 * so the server can show the rule set to moderators as it is.
 *
 * Changing a cue or an action is a new version: bump `version` and note it in ../README.md.
 */
import type { BoundaryRuleSet } from '../rule-types.js';

const DIRECTIVE_VERBS = String.raw`take|start|stop|quit|increase|decrease|double|halve|cut|skip|switch|drop|bump|raise|lower|reduce|add|taper|wean|go|come|move|stay|try|give|split|swap|ditch|hold|pause|restart|resume`;
const DIRECTIVE_VERBS_ING = String.raw`be\s+taking|taking|take|start(?:ing)?|stop(?:ping)?|quit(?:ting)?|increas(?:e|ing)|decreas(?:e|ing)|doubl(?:e|ing)|halv(?:e|ing)|cut(?:ting)?|skip(?:ping)?|switch(?:ing)?|drop(?:ping)?|bump(?:ing)?|rais(?:e|ing)|lower(?:ing)?|reduc(?:e|ing)|add(?:ing)?|taper(?:ing)?|wean(?:ing)?|go(?:ing)?|com(?:e|ing)|mov(?:e|ing)|stay(?:ing)?|try(?:ing)?|giv(?:e|ing)|split(?:ting)?`;
const LEAD_IN = String.raw`(?:(?:just|so|then|and|please|honestly|definitely|maybe|ok|okay|now|instead|also|simply|first)\s*,?\s+)*`;
/** How often: "three times a day", "every 4 hours" (a dosing instruction when directed at the person). */
const FREQ = String.raw`\b(?:once|twice|three\s+times|four\s+times|\d+\s+times|\d+x)\s+(?:a|per|each)\s+(?:day|night|week)\b|\bevery\s+(?:\d+|two|three|four|six|eight|twelve)\s+hours\b|\b(?:morning\s+and\s+night|at\s+bedtime\s+and\s+in\s+the\s+morning)\b`;
/** Relatives the person asks about. */
const RELATIVE = String.raw`son|daughter|child|kid|kiddo|baby|toddler|little\s+one|little\s+boy|little\s+girl|boy|girl|husband|wife|partner|mom|mum|mother|dad|father|grandma|grandpa|grandmother|grandfather`;
/** Head nouns of diagnoses that the condition lexicon may not list ("absence seizures", "tension headaches"). */
const DX_HEAD = String.raw`seizures|headaches|migraines?|attacks|infection|deficiency|allergy|intolerance|syndrome|disorder|disease|colic|fracture|sprain|tear|ulcer|stones?|cyst|hernia|apno?ea|fasciitis|neuropathy|neuralgia|palsy|insufficiency|dysfunction|imbalance|overgrowth|prolapse|bursitis|tendinopathy`;
const CONTACT_VERBS = String.raw`dm|pm|inbox|message|msg|text|email|e-mail|call|ring|phone|contact|ping|whatsapp|telegram|snap|friend`;

export const CLINICIAN_BOUNDARIES_V1: BoundaryRuleSet = {
  id: 'clinician-boundaries',
  version: '1.3.0',
  updated: '2026-12-02',
  description:
    'What a verified clinician may say in a public patient community: general education yes, individual care no. ' +
    'Each rule names the guidance it follows. Only clinician replies are checked, with the question they answer as context.',
  rules: [
    {
      id: 'INDIVIDUAL_DIAGNOSIS',
      title: 'Tells this person what they have',
      description: 'The reply states or strongly implies a diagnosis for the person asking (or their child or partner).',
      defaultAction: 'hold',
      explanation:
        'Your reply seems to tell this person what condition they have. In a public forum, please describe what symptoms like these can mean in general and suggest who can assess them, rather than naming their diagnosis.',
      note: 'A clinician cannot diagnose anyone from a post. Only someone who can assess you can tell what you have.',
      guidance: [
        'AMA Code of Medical Ethics Opinion 2.3.2 (professionalism in the use of social media): standards of patient-physician relationships apply online.',
        'FSMB Social Media and Electronic Communications (2019): do not establish a patient relationship or give individual advice without an evaluation.',
        "GMC Good medical practice (2024) and 'Doctors' use of social media': give advice only with an adequate assessment.",
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'DX_YOU_HAVE', pattern: String.raw`{YOU}(?:\s+(?:{CERTAIN}))?(?:\s+|(?='))(?:'ve\s+got|'ve\s+developed|have\s+got|have\s+developed|have|got|'re\s+suffering\s+from|are\s+suffering\s+from|suffer\s+from)\s+(?:(?:a|an|the|some|classic|textbook|early|mild|severe|chronic|acute)\s+)*(?:{COND})` },
          { id: 'DX_YOU_ARE', pattern: String.raw`{YOU}(?:'re|\s+are)\s+(?:(?:{CERTAIN})\s+)?(?:[\w-]+\s+)?(?:deficient|intolerant)\b|{YOU}(?:'re|\s+are)\s+(?:(?:{CERTAIN})\s+)?(?:celiac|coeliac|diabetic|pre-?diabetic|anemic|anaemic|bipolar|hypothyroid|hyperthyroid|clinically\s+depressed|asthmatic|autistic|epileptic|iron[- ]deficient|insulin[- ]resistant|lactose[- ]intolerant|gluten[- ]intolerant|allergic\s+to\s+\w+|in\s+(?:heart\s+failure|kidney\s+failure|menopause|perimenopause|ketoacidosis|dka))\b` },
          { id: 'DX_SOUNDS_LIKE_YOU_HAVE', pattern: String.raw`\b(?:sounds|looks|seems)\s+(?:to\s+me\s+)?like\s+(?:you|your\s+\w+)\s+(?:(?:{CERTAIN})\s+)?(?:have|'ve\s+got|has|got)\b` },
          { id: 'DX_THIS_IS', pattern: String.raw`\b(?:this|that|it|these|those)(?:'s|\s+is|\s+are)\s+(?:(?:{CERTAIN}|just|simply|classic|textbook|typical|a|an|the|pure|plain|{CONDQUAL})\s+)*(?:{COND})` },
          { id: 'DX_WHAT_YOU_DESCRIBE', pattern: String.raw`\bwhat\s+(?:you(?:'re|\s+are)\s+(?:experiencing|describing|feeling|dealing\s+with|going\s+through)|you\s+(?:describe|have\s+described|are\s+describing))\s+(?:is|are|sounds\s+like)\s+(?:(?:{CERTAIN}|a|an|the|{CONDQUAL})\s+)*(?:{COND})` },
          { id: 'DX_ACRONYM', pattern: String.raw`\b(?:[Yy]ou(?:'ve)?\s+(?:got|have)|[Tt]his\s+is|[Tt]hat's|[Tt]hat\s+is|[Ii]t's|[Ii]t\s+is|\w+ing\s+is)\s+(?:(?:definitely|clearly|classic|textbook|obviously)\s+)?(?!OK\b|ER\b|GP\b|TV\b|US\b|UK\b|NHS\b|ICU\b|PT\b|OT\b|MRI\b|CT\b|ECG\b|EKG\b)[A-Z]{2,6}s?\b(?!\s+(?:test|scan|level|levels|number|result|results|clinic|team|nurse|doctor|department|appointment|referral))`, caseSensitive: true },
          { id: 'DX_BARE', pattern: String.raw`^(?:(?:{CERTAIN}|classic|textbook)\s+)+(?:{COND})\s*[.!]*$` },
          { id: 'DX_WHAT_YOU_HAVE', pattern: String.raw`\bwhat\s+you\s+have\b|\bwhat(?:'s|\s+is)\s+going\s+on\s+with\s+you\b|\b(?:is|that's)\s+your\s+diagnosis\b|\bmakes?\s+(?:that|this|it)\s+the\s+diagnosis\b|\bI\s+can\s+tell\s+(?:that\s+)?you\s+have\b|\bI(?:'d|\s+would)\s+diagnose\s+you\b|\byour\s+diagnosis\s+is\b|\bthat's\s+what\s+it\s+is\b|\bis\s+diagnostic\b` },
          { id: 'DX_RELATIVE_HAS', pattern: String.raw`\byour\s+(?:son|daughter|child|kid|kiddo|baby|toddler|little\s+one|little\s+boy|little\s+girl|boy|girl|husband|wife|partner|mom|mum|mother|dad|father|grandma|grandpa|grandmother|grandfather)\s+(?:(?:{CERTAIN})\s+)?(?:has|'s\s+got|has\s+got|is\s+suffering\s+from)\s+(?:(?:a|an|the)\s+)?(?:{COND})` },
          { id: 'DX_ORGAN_FAILING', pattern: String.raw`\byour\s+(?:heart|thyroid|liver|kidneys?|pancreas|adrenals?|gut|immune\s+system)\s+is\s+(?:(?:{CERTAIN})\s+)?(?:failing|underactive|overactive|damaged|inflamed|shot|not\s+working)\b` },
          { id: 'DX_INJURY', pattern: String.raw`{YOU}(?:'ve|\s+have)\s+(?:(?:{CERTAIN})\s+)?(?:torn|broken|fractured|ruptured|sprained|slipped|herniated|dislocated)\s+(?:your|a)\b` },
          // 1.2.0: diagnosis head nouns the lexicon lacks, "your symptoms point to", "I'm sure it's", "classic case of", "it's your thyroid".
          { id: 'DX_HAS_HEAD', pattern: String.raw`(?:{YOU}(?:'ve\s+got|\s+have\s+got|\s+have|\s+got)|\byour\s+(?:${RELATIVE})\s+(?:has|'s\s+got|has\s+got))\s+(?:(?:a|an|the|some|classic|textbook|typical|mild|severe|early|chronic|acute)\s+)?(?:[\w-]+\s+){0,2}(?:${DX_HEAD})\b` },
          { id: 'DX_POINTS_TO', pattern: String.raw`\byour\s+(?:symptoms|signs|results|labs|bloods|story|history|presentation|scan|x-ray|mri)\s+(?:(?:{CERTAIN})\s+)?(?:point|points|scream|screams|fit|fits|match|matches|are\s+consistent|is\s+consistent)\s+(?:to|with)\s+(?:(?:a|an|the|classic|textbook)\s+)?(?:{COND}|(?:[\w-]+\s+){0,2}(?:${DX_HEAD}))` },
          { id: 'DX_SURE_ITS', pattern: String.raw`\bI'm\s+(?:pretty\s+|fairly\s+|quite\s+|almost\s+|absolutely\s+|100%\s+)?(?:sure|certain|confident|convinced|positive)\s+(?:that\s+)?(?:it's|this\s+is|that's|you\s+have|you've\s+got|(?:he|she)\s+has)\s+(?:(?:a|an|the|just)\s+)?(?:{COND}|(?:[\w-]+\s+){0,2}(?:${DX_HEAD}))|\bclassic\s+case\s+of\b|\bit's\s+(?:(?:{CERTAIN})\s+)?your\s+(?:thyroid|heart|gallbladder|appendix|liver|kidneys?|pancreas|hormones|gut|sinuses|prostate|adrenals|vestibular\s+system)\b` },
          { id: 'DX_CLASSIC_SIGN', pattern: String.raw`\b(?:that|the|this)\s+[\w-]+\s+is\s+(?:classic|textbook|pathognomonic|a\s+dead\s+giveaway)\b|\bgives\s+it\s+away\b`, weight: 0.45 },
          { id: 'DX_YOU_HAVING', pattern: String.raw`{YOU}(?:'re|\s+are)\s+(?:(?:{CERTAIN})\s+)?(?:having|dealing\s+with|experiencing|going\s+through|showing\s+signs\s+of)\s+(?:(?:a|an|the|some|classic|textbook)\s+)?(?:{COND}|(?:[\w-]+\s+){0,2}(?:${DX_HEAD}))` },
          { id: 'DX_SOUNDS_LIKE', pattern: String.raw`\b(?:sounds|looks|seems)\s+(?:to\s+me\s+)?like\s+(?:(?:{CERTAIN}|classic|textbook|typical|a|an|the|pure|plain)\s+)*(?:{COND})\b|\b(?:I'd\s+say|I\s+reckon|I\s+bet|I'd\s+bet|my\s+money(?:'s|\s+is)\s+on|my\s+(?:bet|guess)\s+is)\s+(?:(?:that\s+)?(?:it's|this\s+is|that's|you\s+have|you've\s+got|(?:he|she)\s+has|(?:he|she)'s\s+got)\s+)?(?:(?:{CERTAIN}|a|an|the)\s+)*(?:{COND})` },
          // 1.3.0: general shapes instead of one cue per miss: a diagnosis head noun after "that's" (weak alone), a
          // certainty tag ("nothing more", "that's your problem"), a sentence that opens with "classic <condition>".
          { id: 'DX_THIS_IS_HEAD', pattern: String.raw`\b(?:this|that|it)(?:'s|\s+is)\s+(?:(?:{CERTAIN}|just|simply|classic|textbook|typical|a|an|the|pure|plain)\s+)*(?:[\w-]+\s+){0,2}(?:${DX_HEAD}|rash|eczema|reflux|strain)\b`, weight: 0.45 },
          { id: 'DX_CERTAINTY_TAG', pattern: String.raw`\b(?:nothing\s+more|nothing\s+else|that's\s+(?:your|the)\s+(?:problem|issue|answer|culprit)|plain\s+and\s+simple|no\s+question\s+about\s+it|that's\s+all\s+it\s+is|end\s+of\s+story)\b`, weight: 0.45 },
          { id: 'DX_CLASSIC_LEAD', pattern: String.raw`^(?:(?:{CERTAIN})\s+)?(?:classic|textbook|typical|obvious)\s+(?:case\s+of\s+)?(?:{COND})(?!\s+(?:is|are|can|often|usually|may|might|tends?|symptoms|signs|causes))` },
          { id: 'DX_RELATIVE_IS', pattern: String.raw`\byour\s+(?:${RELATIVE})\s+is\s+(?:(?:{CERTAIN})\s+)?(?:autistic|diabetic|epileptic|asthmatic|anaemic|anemic|dyslexic|hypothyroid|lactose[- ]intolerant|allergic\s+to\s+\w+|coeliac|celiac|deficient\s+in\s+\w+|iron[- ]deficient|tongue[- ]tied)\b` },
        ],
        contextCues: {
          questionCue: { id: 'Q_MENTIONS_RELATIVE', pattern: String.raw`\bmy\s+(?:\d+[- ]?(?:year|month|week)[- ]?old|${RELATIVE})\b|\b(?:he|she)(?:'s|\s+is|\s+has|\s+keeps)\b` },
          cues: [
            { id: 'DX_THEY_HAVE', pattern: String.raw`^(?:(?:yes|yeah|honestly|so|well|oh)\s*,?\s+)?(?:he|she)(?:'s\s+got|\s+has\s+got|\s+has|'s\s+(?:having|suffering\s+from)|\s+is\s+(?:having|suffering\s+from))\s+(?:(?:{CERTAIN})\s+)?(?:(?:a|an|the|some|classic|textbook)\s+)?(?:{COND}|(?:[\w-]+\s+){0,2}(?:${DX_HEAD}))` },
          ],
        },
        unless: [
          { id: 'DX_CONDITIONAL', pattern: String.raw`\b(?:if|whether|when|unless|in\s+case|once|anyone\s+who|people\s+who|those\s+who|someone\s+who|because)\s+(?:\w+\s+){0,2}?(?:you|your\s+\w+)(?:\s+(?:have|are|got|has)|\s*'(?:ve|re|s))\b` },
          { id: 'DX_QUESTION', pattern: String.raw`\?\s*$` },
          { id: 'DX_CANNOT_TELL', pattern: String.raw`\b(?:can't|cannot|can\s+not|don't|do\s+not|won't|unable\s+to|impossible\s+to|no\s+way\s+to)\s+(?:\w+\s+)?(?:tell|say|know|diagnose)\b|\bnot\s+sure\b` },
          { id: 'DX_DIFFERENTIAL', pattern: String.raw`\b(?:one\s+of\s+(?:them|several|many|the\s+causes)|many\s+(?:possible\s+)?causes|several\s+causes|possibilities|among\s+(?:other|many)|or\s+something\s+else|other\s+conditions|could\s+be|might\s+be|may\s+be)\b` },
        ],
      },
      examples: {
        violates: ['You have gastroparesis, no question about it.', 'Sounds like you definitely have rheumatoid arthritis.'],
        passes: [
          'Early fullness and vomiting can have several causes; gastroparesis is one of them, and a gastric emptying study is how doctors usually tell.',
          'Many people with rheumatoid arthritis describe long morning stiffness; your doctor can examine your joints and order blood tests.',
        ],
      },
    },
    {
      id: 'SPECIFIC_DOSING',
      title: 'Tells this person to take, start, stop or change a medicine or dose',
      description:
        'The reply directs this person to take, start, stop, skip, switch or change the amount of a medication or supplement. General facts about doses, classes and what doses depend on pass, and so does "ask your prescriber whether...".',
      defaultAction: 'hold',
      explanation:
        'Your reply seems to tell this person to start, stop or change a medicine or dose. Without their records, please keep to general information (for example what doses usually depend on) and suggest they ask their prescriber or pharmacist.',
      note: 'Medicine and dose changes should be agreed with your own prescriber or pharmacist.',
      guidance: [
        'FSMB Social Media and Electronic Communications (2019): individual treatment advice requires an established relationship and an evaluation.',
        'NCSBN A Nurse\u2019s Guide to the Use of Social Media (2018): keep professional boundaries; do not give individual care advice online.',
        "GMC 'Good practice in proposing, prescribing, providing and managing medicines' (2021): prescribe only with adequate knowledge of the patient's health.",
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'DOSE_IMPERATIVE', pattern: String.raw`^${LEAD_IN}(?:${DIRECTIVE_VERBS})\b[^.]*?(?:{ANYMED}|{DOSE})` },
          { id: 'DOSE_MODAL', pattern: String.raw`{YOU}\s+(?:should|need\s+to|must|have\s+to|ought\s+to|could\s+just|can\s+just|'d\s+better|had\s+better)\s+(?:(?:just|definitely|probably|also|really|then)\s+)?(?:be\s+taking|${DIRECTIVE_VERBS})\b[^.]*?(?:{ANYMED}|{DOSE})` },
          { id: 'DOSE_FIRST_PERSON', pattern: String.raw`\b(?:I'd|I\s+would|my\s+advice\s+is\s+to|I\s+(?:recommend|suggest|advise)(?:\s+that)?(?:\s+you)?|I'd\s+(?:recommend|suggest|advise)(?:\s+that)?(?:\s+you)?|I\s+want\s+you\s+to|what\s+you\s+should\s+do\s+is)\s+(?:(?:just|definitely)\s+)?(?:${DIRECTIVE_VERBS_ING})\b[^.]*?(?:{ANYMED}|{DOSE})` },
          { id: 'DOSE_IS_FINE', pattern: String.raw`(?:{DOSE})[^.]{0,30}\b(?:is|are)\s+(?:fine|safe|ok|okay|plenty)\b|\b(?:that's|it's|that\s+is)\s+a\s+safe\s+dose\b` },
          // 1.2.0: "you can (safely) go up to 800 mg", "you'll want to", "your dose should be", frequency, "double up".
          { id: 'DOSE_CAN', pattern: String.raw`{YOU}\s+(?:can|could|may|are\s+fine\s+to|are\s+safe\s+to|'re\s+fine\s+to|'re\s+safe\s+to)\s+(?:(?:safely|easily|just|always|definitely|probably|also)\s+)?(?:${DIRECTIVE_VERBS})\b[^.]*?(?:{DOSE})` },
          { id: 'DOSE_WILL_NEED', pattern: String.raw`{YOU}(?:'ll|\s+will|'re\s+going\s+to|\s+are\s+going\s+to)\s+(?:want|need|have)\s+to\s+(?:(?:just|definitely|probably|also)\s+)?(?:${DIRECTIVE_VERBS})\b[^.]*?(?:{ANYMED}|{DOSE})|\byour\s+(?:dose|dosage)\s+(?:should|needs\s+to|must|ought\s+to)\s+(?:be|go)\b|\b(?:I'd|I\s+would|I'll|I\s+will|let's)\s+(?:bump|put|move|switch|take|get|start|drop)\s+you\s+(?:up|down|on|off|to|over)\b` },
          { id: 'DOSE_FREQ', pattern: String.raw`^${LEAD_IN}(?:${DIRECTIVE_VERBS}|do|keep|put|apply|use|rub|inject|spray)\b[^.]*?${FREQ}|{YOU}\s+(?:should|need\s+to|must|can|could)\s+(?:\w+\s+){0,3}?[^.]*?${FREQ}` },
          { id: 'DOSE_DOUBLE_UP', pattern: String.raw`\bdouble\s+up\b|\btake\s+(?:two|both|an\s+extra\s+one)\s+(?:the\s+)?next\s+(?:day|time|morning)\b` },
          { id: 'DOSE_MORE_LESS', pattern: String.raw`{YOU}\s+(?:need|want|should\s+have|should\s+be\s+on)\s+(?:a\s+)?(?:more|less|higher|lower|bigger|smaller|stronger|weaker)\s+(?:(?:dose|dosage)\s+of\s+)?(?:{ANYMED})|(?:{DOSE})\s+(?:is|should\s+be|would\s+be)\s+(?:what\s+you\s+need|right\s+for\s+you|the\s+right\s+dose\s+for\s+you|your\s+dose|enough\s+for\s+you)\b` },
        ],
        imperativeCues: [{ id: 'DOSE_IMPERATIVE_POS', pattern: String.raw`{DOSE}` }],
        contextCues: {
          questionCue: { id: 'Q_MENTIONS_MED', pattern: String.raw`{ANYMED}` },
          cues: [
            // 1.3.0: when the question names a medicine, a bare number is its dose ("bump it to 100", "take 25 instead of 50").
            { id: 'DOSE_PRONOUN_NUMBER', pattern: String.raw`^${LEAD_IN}(?:bump|push|put|increase|raise|up|lower|drop|reduce|cut|take|move|switch|change|go|titrate)\s+(?:it|them|that|this|yours|the\s+dose)\s+(?:up\s+|down\s+)?(?:to|by)\s+\d+|\b(?:take|use|try|have)\s+\d+(?:[.,]\d+)?\s*(?:\w+\s+)?instead\s+of\s+\d+|\b(?:move|switch|change|take)\s+(?:it|them|the\s+dose|your\s+dose)\s+(?:to|at)\s+(?:bedtime|night|nighttime|the\s+morning|breakfast|dinner|lunch)\b` },
            { id: 'DOSE_BETTER_OFF', pattern: String.raw`{YOU}(?:'d|\s+would)\s+be\s+better\s+off\s+(?:with|on|taking)\s+(?:(?:a|the)\s+)?(?:{DOSE}|\d+\s?(?:mg|mcg|ml|units?))|(?:{DOSE}|\d+\s?(?:mg|mcg))\s+(?:is|are)\s+(?:too|way\s+too|far\s+too)\s+(?:weak|strong|low|high|much|little)\s+for\s+you\b` },
            { id: 'DOSE_PRONOUN', pattern: String.raw`^${LEAD_IN}(?:stop|quit|double|halve|skip|taper|wean\s+off|come\s+off|go\s+off|cut\s+down)\s+(?:it|them|that|those)\b|\b(?:quit|stop|drop)\s+(?:it|them)\s+cold\s+turkey\b|{YOU}\s+(?:should|need\s+to|must|can)\s+(?:just\s+)?(?:stop|quit|double|halve|skip|come\s+off|go\s+off)\s+(?:it|them)\b` },
          ],
        },
        unless: [
          { id: 'DOSE_REFER', pattern: String.raw`\b(?:ask|check\s+with|talk\s+(?:to|with)|speak\s+(?:to|with)|discuss\s+(?:it\s+|this\s+)?with|call|contact|message|see)\s+(?:your|a|the)\s+(?:own\s+)?(?:\w+\s+)?(?:{CLINICIAN_REF})` },
          { id: 'DOSE_NOT_ALONE', pattern: String.raw`\bwithout\s+(?:first\s+)?(?:talking|speaking|checking|asking|a\s+plan)\b|\bon\s+your\s+own\b` },
          { id: 'DOSE_NEGATIVE', pattern: String.raw`^(?:please\s+)?(?:don't|do\s+not|never|avoid)\b` },
          { id: 'DOSE_SAFETY_AWAY', pattern: String.raw`\baway\s+from\b|\bout\s+of\s+reach\b` },
          { id: 'DOSE_GENERAL', pattern: String.raw`\b(?:usually|typically|generally|commonly|often|normally)\s+(?:\w+\s+)?(?:started|given|prescribed|increased|adjusted|made|decided|set|dosed|tapered|depend)\b` },
        ],
      },
      examples: {
        violates: ['Go up to 100 mg starting tomorrow.', 'Just stop the metformin for a week.'],
        passes: [
          'Doses usually depend on weight, kidney function and other medicines.',
          'Ask your prescriber whether a lower dose might help.',
          'SSRIs as a class often take four to six weeks to work.',
        ],
      },
    },
    {
      id: 'CONTACT_SOLICITATION',
      title: 'Invites private contact or a consultation',
      description: 'The reply asks the person to contact the clinician privately (DM, phone, email, messaging apps) or to book or become their patient.',
      defaultAction: 'hold',
      explanation:
        'Your reply invites private contact or a consultation. Our community keeps clinician answers public and general; please point the person to their own care team instead.',
      note: 'Clinicians here answer in public only. For care about your own situation, contact your own care team.',
      guidance: [
        'FSMB Social Media and Electronic Communications (2019): do not use social media to establish patient relationships or solicit patients.',
        'NCSBN A Nurse\u2019s Guide to the Use of Social Media (2018): maintain professional boundaries; do not pursue personal relationships with patients online.',
        'AMA Code of Medical Ethics Opinion 2.3.2: maintain appropriate boundaries of the patient-physician relationship online.',
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'CONTACT_VERB_ME', pattern: String.raw`\b(?:${CONTACT_VERBS})\s+me\b(?!\s+(?:know|if))` },
          { id: 'CONTACT_SEND_ME', pattern: String.raw`\b(?:send|shoot|drop|give|forward|email|text)\s+me\s+(?:a\s+|an\s+|your\s+|the\s+|those\s+|these\s+|a\s+copy\s+of\s+(?:your\s+|the\s+)?)?(?:dm|pm|private\s+message|message|line|email|note|call|ring|shout|text|full|medication|results?|labs?|scans?|reports?|history|details|records?|number|email)\b` },
          { id: 'CONTACT_INBOX_OPEN', pattern: String.raw`\bmy\s+(?:inbox|dms?|messages?)\s+(?:is|are)\s+(?:always\s+)?open\b|\b(?:in|into|to)\s+my\s+(?:dms|inbox|private\s+messages)\b|\b(?:jump|hop|get)\s+on\s+a\s+(?:call|zoom|video\s+call|facetime)\s+with\s+(?:you|me)\b` },
          { id: 'CONTACT_MY_OFFICE', pattern: String.raw`\b(?:call|contact|ring|phone|email|visit)\s+my\s+(?:office|clinic|practice|receptionist|front\s+desk|assistant|secretary|rooms|surgery|team|practice\s+manager)\b|\b(?:appointment|consult(?:ation)?|session|visit|slot|meeting)\s+with\s+me\b|\bmention\s+this\s+(?:forum|group|post|site|community)\b` },
          { id: 'CONTACT_BOOK_WITH_ME', pattern: String.raw`\b(?:book|schedule|set\s+up|arrange|make)\s+(?:an?\s+|a\s+private\s+)?(?:appointment|consult(?:ation)?|session|visit|call)?\s*(?:in\s+)?with\s+me\b|\bbook\s+(?:in\s+)?with\s+me\b|\b(?:we|I)\s+can\s+set\s+up\s+(?:a|an)\s+(?:consult(?:ation)?|appointment|session|call|visit)\b|\bset\s+up\s+a\s+private\s+session\b` },
          { id: 'CONTACT_SEE_ME', pattern: String.raw`\bcome\s+(?:and\s+)?see\s+me\b|\bI\s+can\s+see\s+you\s+(?:at|in|this|next|on|tomorrow|today)\b|\btake\s+(?:you|him|her|them)\s+on\s+as\s+(?:a|my)\s+patients?\b|\bbecome\s+my\s+patient\b` },
          { id: 'CONTACT_OFFER_CONSULT', pattern: String.raw`\b(?:I|we)\s+(?:do|offer|provide|run|have)\s+(?:(?:free|paid|private|virtual|online|telehealth|video|15-minute|\d+-minute)\s+)*(?:consults?|consultations|sessions|appointments|discovery\s+calls?|coaching|telehealth)\b` },
          { id: 'CONTACT_ONE_ON_ONE', pattern: String.raw`\b(?:one-on-one|one\s+on\s+one|1:1|1-on-1)\s+(?:video\s+)?(?:call|session|chat|coaching|support|consult)` },
          { id: 'CONTACT_OFFLINE', pattern: String.raw`\b(?:take\s+this|chat|talk|continue\s+this|discuss\s+this)\s+(?:offline|privately|in\s+private|off(?:-|\s)(?:the\s+)?(?:forum|platform|site|group))\b|\boff\s+the\s+(?:forum|platform|site)\b|\breach\s+out\s+to\s+me\b|\blet's\s+chat\s+privately\b|\badd\s+me\s+on\b|\bmy\s+(?:personal\s+)?(?:number|email|whatsapp)\s+is\b` },
          // 1.2.0: other ways to invite private contact.
          { id: 'CONTACT_PRIVATE_MORE', pattern: String.raw`\bhit\s+me\s+up\b|\b(?:feel\s+free\s+to\s+)?(?:reach\s+out|message|email|contact|dm|call|write)(?:\s+(?:to\s+)?me)?\s+(?:privately|directly|personally|off[- ]?list)\b|\bI\s+(?:have|'ve\s+got)\s+(?:an?\s+)?(?:openings?|slots?|availability|space|appointments?)\s+(?:this|next|on|tomorrow|free|available|open)\b|\b(?:my|our)\s+(?:booking|contact)\s+(?:link|page|details|form)\b|\bconnect\s+(?:with\s+me\s+)?on\s+(?:linkedin|instagram|facebook|whatsapp|telegram|signal)\b|\b(?:send|share)\b[^.]{0,30}\b(?:over|on|via|through|by)\s+(?:whatsapp|telegram|signal|messenger|instagram|my\s+email|private\s+message|dm)\b` },
          { id: 'CONTACT_FIND_ME', pattern: String.raw`\b(?:find|catch|visit)\s+me\s+at\b|\b(?:if\s+you\s+want\s+to|you're\s+welcome\s+to|feel\s+free\s+to)\s+(?:come\s+in|pop\s+in|drop\s+by|come\s+and\s+see\s+me|book\s+in|make\s+an\s+appointment\s+with\s+me)\b|\bmy\s+(?:number|phone\s+number|email|contact\s+details|details|whatsapp)\s+(?:is|are)\s+(?:on|in)\s+my\s+(?:profile|bio|page|website)\b|\b(?:we\s+can|let's|happy\s+to|I'm\s+happy\s+to)\s+(?:talk|chat|speak|go\s+through\s+it)\s+(?:on\s+the\s+phone|by\s+phone|over\s+the\s+phone|on\s+zoom|by\s+video|one[- ]on[- ]one|in\s+person|face\s+to\s+face)\b|\bif\s+you\s+(?:send|forward|email)\s+(?:them\s+|it\s+|those\s+|your\s+\w+\s+)?(?:over\s+)?to\s+me\b|\b(?:send|forward)\s+(?:them|it|those)\s+(?:over\s+)?to\s+me\b|\bhelp\s+(?:you\s+)?(?:offline|privately|in\s+private)\b` },
        ],
        unless: [
          { id: 'CONTACT_NEGATED', pattern: String.raw`\b(?:don't|do\s+not|please\s+don't|never|can't|cannot|won't|not)\s+(?:\w+\s+)?(?:dm|pm|message|email|call|text|contact)\s+me\b` },
        ],
      },
      examples: {
        violates: ['DM me and I will go through your labs.', 'Book an appointment with me through my clinic website.'],
        passes: ['Call your doctor\u2019s office and ask for an earlier appointment.', 'Message your care team through your patient portal.'],
      },
    },
    {
      id: 'UNDISCLOSED_PROMOTION',
      title: 'Promotes a product, clinic or own service without disclosing an interest',
      description:
        'The reply promotes a named product, supplement, clinic, app, book, course or the clinician\u2019s own service, or includes discount codes and referral links, and does not disclose a financial or personal interest. A reply that discloses the interest ("Disclosure: I own...") passes this rule.',
      defaultAction: 'hold',
      explanation:
        'Your reply seems to promote a product, service or clinic. If you have any interest in it, please say so plainly; and please keep recommendations general (a class of product, what to look for) rather than brands, codes or links.',
      note: 'This reply mentions a product or service. Check with your own care team before buying anything.',
      guidance: [
        'AMA Code of Medical Ethics Opinion 9.6.2 (gifts from industry) and 8.12 (conflicts of interest): disclose financial interests.',
        'FSMB Social Media and Electronic Communications (2019): disclose conflicts of interest; do not misrepresent endorsements.',
        "GMC Good medical practice (2024), 'Honesty in financial dealings': be open about any financial or commercial interest.",
        'US FTC Endorsement Guides (16 CFR Part 255): disclose material connections.',
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'PROMO_CODE', pattern: String.raw`\b(?:use|with|enter)\s+(?:my\s+)?(?:code|coupon|promo\s+code|discount\s+code|voucher)\b|\b\d+\s?%\s+off\b|\b(?:referral|affiliate)\s+link\b|\blink\s+(?:in|on)\s+my\s+(?:profile|bio|page|website|site|channel)\b|\bfor\s+a\s+discount\b|\btell\s+them\s+I\s+sent\s+you\b` },
          { id: 'PROMO_I_SELL', pattern: String.raw`\b(?:I|we)\s+(?:sell|stock|make|ship|carry)\b|\b(?:that|which)\s+I\s+sell\b|\b(?:my|our)\s+(?:online\s+)?(?:shop|store|webshop)\b|\b(?:give|recommend|prescribe|sell)\s+(?:it\s+)?(?:to\s+)?all\s+my\s+patients\b|\bI\s+built\b|\bfrom\s+our\s+(?:website|site|shop|store)\b` },
          { id: 'PROMO_CTA_OWN', pattern: String.raw`\b(?:check\s+out|read|buy|order|subscribe\s+to|sign\s+up\s+for|join|try|get|grab|download|listen\s+to|watch|head\s+over\s+to|visit|use)\s+(?:my|our)\s+(?:[\w'-]+\s+){0,3}?(?:course|book|podcast|channel|program|programme|supplements?|products?|line|app|website|blog|shop|store|clinic|formula|kit|videos?|series|protocol|plan)\b` },
          { id: 'PROMO_OWN_SERVICE', pattern: String.raw`\b(?:my|our)\s+(?:clinic|practice|center|centre|spa|company|team)\s+(?:offers|runs|has\s+(?:just\s+)?(?:launched|started|opened)|provides|sells|does|specialises|specializes)\b|\b(?:my|our)\s+(?:supplement\s+line|podcast|youtube\s+channel|online\s+course|new\s+book)\b|\bmy\s+(?:[\w-]+\s+){0,4}(?:challenge|programme|program|course|workshop|webinar|bootcamp|masterclass|retreat|membership)\b[^.]{0,60}\b(?:starts|open|sign\s+up|register|registration|join|limited|enrol\w*)\b|\bregistration\s+is\s+open\b` },
          { id: 'PROMO_CALL_TO_ACTION', pattern: String.raw`\b(?:like\s+and\s+subscribe|subscribe\s+on|sign\s+up\s+(?:now|soon|today|here)|spots\s+are\s+limited|while\s+(?:it's|they're|it\s+is)\s+on\s+sale|limited[- ]time|order\s+(?:one|yours|now|today)|works\s+wonders|(?:the\s+)?best\s+(?:supplement|product|brand|one)\s+on\s+the\s+market|is\s+(?:exactly\s+)?what\s+you\s+need|download\s+(?:it|the\s+app)\s+(?:today|now))\b` },
          { id: 'PROMO_ONLY_BRAND', pattern: String.raw`\bthe\s+only\s+(?:brand|one|product|supplement|kind)\s+(?:I\s+(?:trust|use|recommend)|worth\s+(?:taking|buying|getting))\b|\bI\s+(?:always\s+)?(?:send|refer)\s+(?:people|everyone|all\s+my\s+patients|patients)\s+to\b|\bI\s+use\s+it\s+with\s+(?:every|all)\b|\bto\s+all\s+my\s+patients\b` },
          { id: 'PROMO_BRAND_CAMEL', pattern: String.raw`\b(?:[A-Z][a-z]+[A-Z][A-Za-z]+)\b`, caseSensitive: true, weight: 0.45 },
          { id: 'PROMO_BUY_FROM', pattern: String.raw`\b(?:[Bb]uy|[Oo]rder|[Gg]et|[Gg]rab|[Pp]ick\s+up)\b[^.]{0,50}\b(?:from|at|on)\s+(?:the\s+)?[A-Z][\w-]+`, caseSensitive: true },
          { id: 'PROMO_TRY_BRAND', pattern: String.raw`^(?:(?:[Jj]ust|[Aa]lso|[Dd]efinitely)\s+)?(?:[Tt]ry|[Gg]et|[Bb]uy|[Oo]rder|[Gg]rab|[Uu]se)\s+(?:the\s+|some\s+)?(?:Dr\.?\s+)?[A-Z][\w'-]+`, caseSensitive: true },
          { id: 'PROMO_NAMED_PLACE', pattern: String.raw`\b(?:[Gg]o\s+to|[Vv]isit|[Ss]ee)\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,4}(?:Clinic|Center|Centre|Institute|Spa|Wellness|Pharmacy|Health)\b`, caseSensitive: true },
          // 1.2.0: "come to our clinic", self-praise, offers.
          { id: 'PROMO_COME_TO_US', pattern: String.raw`\b(?:come\s+(?:to|in\s+to|into|down\s+to|by|and\s+see\s+us\s+at)|pop\s+(?:in|into|by)|drop\s+(?:in|by)|book\s+(?:in\s+)?(?:at|with))\s+(?:my|our)\s+(?:clinic|practice|centre|center|spa|studio|office|pharmacy|shop|store|surgery|gym|rooms)\b|\bwe(?:'re|\s+are)\s+the\s+(?:best|top|leading|only|number\s+one|#1)\b|\b(?:best|top|leading)\s+(?:clinic|practice|physio|doctor|surgeon|specialist|pharmacy)s?\s+in\s+(?:the\s+)?(?:city|town|area|region|country|state|county)\b` },
          { id: 'PROMO_OFFER', pattern: String.raw`\b(?:special\s+offer|introductory\s+offer|first\s+(?:session|consult(?:ation)?|visit|month|class|module|lesson)\s+(?:is\s+)?(?:free|half[- ]price)|free\s+trial|book\s+now|discount\s+for\s+(?:members|this\s+group|you|anyone\s+here)|new\s+patients\s+welcome)\b` },
          { id: 'PROMO_MADE_IT', pattern: String.raw`\bI(?:'ve|\s+have)\s+(?:created|developed|launched|built|designed)\s+(?:a|an|my)\s+(?:[\w-]+\s+){0,2}(?:course|app|programme|program|podcast|workbook|plan|protocol|supplement|product|device|service)\b|\bwe\s+(?:have|run|offer|do)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:programme|program|course|package|membership|retreat)\b|[\u2122\u00ae]` },
          // 1.3.0: own products without a call to action; booking through one's own site; named places after "head to"; self-referral.
          // (Offering consultations alone stays CONTACT_SOLICITATION.)
          { id: 'PROMO_OWN_PRODUCT', pattern: String.raw`\b(?:my|our)\s+(?:own\s+)?(?:[A-Z][\w-]*\s+){0,2}(?:capsules|gummies|tablets|powder|tea|oil|cream|balm|formula|supplements?|products?|range|masterclass|workshop|webinar|bootcamp|e-?book|programme|program)\b[^.]{0,60}\b(?:are|is|runs?|starts?|sell\w*|flying|love|link|available|out\s+now|tickets|places|spots|next\s+\w+|this\s+(?:week|month))\b` },
          { id: 'PROMO_OWN_SERVICE_OFFER', pattern: String.raw`\b(?:form|booking|page)\s+on\s+my\s+(?:site|website|page)\b|\bask\s+for\s+me\b|\btell\s+them\s+I\s+sent\s+you\b` },
          { id: 'PROMO_HEAD_TO_PLACE', pattern: String.raw`\b(?:[Hh]ead|[Gg]et\s+yourself|[Gg]o\s+down|[Pp]op)\s+(?:over\s+|down\s+|along\s+)?to\s+(?:the\s+)?(?:[A-Z][\w'-]+\s+){1,4}(?:Clinic|Center|Centre|Institute|Spa|Wellness|Pharmacy|Health|Studio|Lab|Practice)\b|\bbest\s+(?:[\w-]+\s+){0,2}(?:clinic|lab|practice|physio|studio|pharmacy|centre|center)\s+(?:around|in\s+town|in\s+the\s+area|anywhere)\b`, caseSensitive: true },
          { id: 'PROMO_LINK', pattern: String.raw`\b(?:https?:\/\/|www\.)(?![\w.-]*(?:nhs\.uk|\.gov|cdc\.|who\.int|nih\.|medlineplus|mayoclinic|\.ac\.uk|\.edu))[\w.-]+`, weight: 0.45 },
        ],
        unlessMessage: [
          { id: 'PROMO_DISCLOSED', pattern: String.raw`\b(?:disclosure|conflict\s+of\s+interest|I\s+have\s+a\s+(?:financial\s+)?(?:interest|stake)|I\s+(?:own|co-own|founded|co-founded|work\s+for|consult\s+for|am\s+paid\s+by|receive\s+(?:payment|money|fees|royalties)\s+from|wrote\s+(?:a|the)\s+book)|I'm\s+(?:paid|sponsored)\s+by|(?:paid|sponsored)\s+partnership|I'm\s+biased|in\s+the\s+interest\s+of\s+transparency)\b` },
        ],
      },
      examples: {
        violates: ['I recommend VitaGut Pro to all my patients, use code HEAL20 for 20% off.', 'Check out my online course.'],
        passes: [
          'Some people find a probiotic helps, but evidence is mixed and varies by strain.',
          'Disclosure: I own a clinic that offers infusions, so I am biased; oral options come first.',
        ],
      },
    },
    {
      id: 'PATIENT_CONFIDENTIALITY',
      title: 'Describes another identifiable patient',
      description:
        'The reply talks about a specific patient with details that could identify them (name, age with occupation or place, workplace, room number, date, public role). Anonymous generalisations ("many of my patients") pass.',
      defaultAction: 'hold',
      explanation:
        'Your reply describes another patient with details that could identify them. Even without a name, age, job, place or date can point to one person. Please generalise ("some people I have cared for...") or leave the example out.',
      note: 'Details about other patients have been kept general to protect their privacy.',
      guidance: [
        'AMA Code of Medical Ethics Opinion 2.3.2: protect patient privacy and confidentiality online.',
        'NCSBN A Nurse\u2019s Guide to the Use of Social Media (2018): do not post information that could identify a patient, even without a name.',
        "GMC 'Confidentiality: good practice in handling patient information' (2017, updated 2024): do not share identifiable information in public.",
        'HIPAA Privacy Rule (45 CFR 164.514): identifiers include names, geographic units smaller than a state, and dates.',
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'identifiable-patient',
        patientCues: [
          { id: 'PT_MY_PATIENT', pattern: String.raw`\b(?:my|our)\s+patient\b(?!s)|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?patient\s+(?:of\s+mine|I\s+(?:saw|treated|see|treat|had|looked\s+after|admitted|cared\s+for))\b|\bone\s+of\s+my\s+(?:patients|regulars|clients)\b` },
          { id: 'PT_I_SAW', pattern: String.raw`\bI\s+(?:had|saw|treated|treat|admitted|looked\s+after|cared\s+for|see|operated\s+on)\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?(?:patient|man|woman|lady|guy|gentleman|kid|child|boy|girl|teen|teenager|baby|mother|father|\d+-year-old|swimmer|runner|athlete|student|accountant|teacher|nurse|firefighter|soldier|wife|husband|mum|mom|dad)\b` },
          { id: 'PT_WHO_I_TREAT', pattern: String.raw`\b(?:who|whom|that)\s+I\s+(?:treat|see|saw|treated|look\s+after|looked\s+after|care\s+for)\b|\b(?:[\w-]+\s+){1,4}I\s+(?:treat|see\s+every|saw\s+(?:this|last|yesterday|on))\b|\b(?:he|she|they)(?:'s|\s+is|\s+are)\s+my\s+patients?\b` },
          { id: 'PT_CLIENT', pattern: String.raw`\b(?:a|one)\s+(?:client|resident|service\s+user)\s+(?:of\s+mine|I\s+(?:saw|see|had|look\s+after|looked\s+after|care\s+for|support))\b|\bone\s+of\s+(?:my|our)\s+(?:clients|residents|service\s+users)\b` },
          { id: 'PT_IN_CLINIC', pattern: String.raw`\b(?:a|the)\s+(?:man|woman|lady|guy|kid|child|patient|boy|girl)\s+(?:in\s+(?:bed|room)\s+\d+|on\s+my\s+ward|at\s+(?:our|my)\s+(?:clinic|practice|hospital|ward))\b|\bthere's\s+a\s+(?:woman|man|lady|guy|kid|patient)\s+(?:at|in)\s+(?:our|my)\s+(?:clinic|practice|ward|hospital)\b|\bin\s+my\s+practice\b|\bcame\s+in\s+(?:on|last|this|yesterday|today)\b` },
        ],
        strongIdentifiers: [
          { id: 'ID_NAME', pattern: String.raw`\b(?:patient|named|called|regulars?)\s*,?\s+(?:Mr|Mrs|Ms|Miss)?\.?\s*[A-Z][a-z]{2,}\b|\b(?:Mr|Mrs|Ms|Miss)\.?\s+[A-Z][a-z]+|\b(?:patients?|one\s+of\s+my\s+patients),\s+[A-Z][a-z]+`, caseSensitive: true },
          { id: 'ID_PLACE', pattern: String.raw`\b(?:from|in|at|on|near)\s+(?:the\s+)?(?:(?:[A-Z][\w'.]+|\d+(?:st|nd|rd|th))\s+){0,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Elementary|High|School|General|Hospital|Walmart|Park|Church|Fort\s+\w+)\b|\b(?:from|in)\s+(?:[A-Z][a-z]+\s?){1,2}(?=[\s,.]|$)(?!\s*(?:I|He|She))|\bat\s+St\.?\s+[A-Z]`, caseSensitive: true },
          { id: 'ID_THIS_GROUP', pattern: String.raw`\b(?:in|on|from|of)\s+(?:this|our)\s+(?:group|forum|community|thread)\b` },
          { id: 'ID_ROOM', pattern: String.raw`\b(?:room|bed|bay|ward)\s+\d+\b` },
          { id: 'ID_FAMILY_NAME', pattern: String.raw`\b[Tt]he\s+[A-Z][a-z]+s'\s|\b[Tt]he\s+[A-Z][a-z]+\s+(?:family|kids|twins|boy|girl)\b`, caseSensitive: true },
          { id: 'ID_PUBLIC_ROLE', pattern: String.raw`\bthe\s+(?:mayor|pastor|priest|judge|principal|sheriff|coach|headteacher|senator|councillor|councilman|owner)(?:'s)?\b|\b(?:the|our|my|your)\s+(?:local\s+|head\s+|assistant\s+|deputy\s+|former\s+|town\s+|city\s+|school\s+|parish\s+|county\s+)+(?:mayor|pastor|priest|vicar|rabbi|imam|judge|principal|headteacher|head\s+teacher|sheriff|coach|senator|councillor|councilman|councilwoman|MP|owner|landlord|chief|dentist|vet|postman|postwoman|librarian)\b|\b(?:our|my)\s+(?:mayor|pastor|vicar|rabbi|imam|councillor|MP)\b|\b(?:local|famous|well-known)\s+(?:news\s+anchor|anchor|celebrity|politician|athlete|player|runner|figure)\b|\byou'd\s+recogni[sz]e\b|\bremember\s+the\s+\w+\s+who\b|\bbus\s+route\b|\bworks\s+at\s+the\b|\bhockey\s+team\b|\bthe\s+twins'\b` },
        ],
        weakIdentifiers: [
          { id: 'ID_AGE', pattern: String.raw`\b\d{1,3}\s?(?:yo|y\/o|yrs?\s+old)\b|\b\d{1,3}-year-old\b|\b\d{1,3}\s+years?\s+old\b|\baged\s+\d+\b|\b(?:early|mid|late)\s+\d0s\b|,\s*\d{2}\s*,` },
          { id: 'ID_OCCUPATION', pattern: String.raw`\b(?:teacher|firefighter|nurse|swimmer|judge|accountant|librarian|soldier|driver|runner|student|pastor|anchor|chef|lawyer|police\s+officer|athlete|banker|farmer|pilot|engineer|retired\s+\w+|college\s+\w+)\b` },
          { id: 'ID_TIME', pattern: String.raw`\b(?:yesterday|this\s+morning|last\s+(?:week|month|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer)|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|every\s+(?:monday|tuesday|wednesday|thursday|friday)|\w+\s+days\s+ago|in\s+(?:january|february|march|april|may|june|july|august|september|october|november|december))\b` },
          { id: 'ID_LIVES', pattern: String.raw`\blives\s+(?:on|in|near|down|round|around|next\s+to)\b|\bfrom\s+(?:round|around)\s+here\b|\bworks?\s+(?:as|at|for)\s+(?:a|an|the)\b|\b(?:his|her)\s+name\s+(?:is|was)\b` },
          { id: 'ID_WORKPLACE', pattern: String.raw`\b(?:at|from)\s+the\s+(?:local\s+|big\s+|new\s+)?(?:high\s+school|primary\s+school|school|factory|plant|supermarket|post\s+office|bank|church|mosque|synagogue|library|fire\s+station|police\s+station|council|gym|pub|garage|call\s+centre|warehouse)\b|\b(?:on|of)\s+(?:our|my|the)\s+own\s+\w+\s+(?:ward|unit|team|department)\b|\bdrives\s+the\s+(?:\d+|number\s+\d+)\b` },
          { id: 'ID_RELATION', pattern: String.raw`\b(?:wife|daughter|son|husband|brother|sister|neighbou?r|twin|pregnant)\b` },
        ],
        minWeak: 2,
        unless: [{ id: 'PT_HYPOTHETICAL', pattern: String.raw`\b(?:imagine|for\s+example|say\s+a|hypothetically)\b` }],
      },
      examples: {
        violates: ['I had a patient last month, a 34-year-old teacher from Springfield, with exactly this.'],
        passes: ['Many of my patients find small, frequent meals help.', 'In my experience, people with this condition often improve.'],
      },
    },
    {
      id: 'DISMISS_URGENT',
      title: 'Emergency symptoms not sent to urgent care',
      description:
        'The question describes symptoms that may be an emergency happening now (chest pain spreading to the arm, stroke signs, throat swelling, heavy bleeding, a baby with fever, suicidal intent, ...) and the reply does not direct the person to emergency or urgent care.',
      defaultAction: 'hold',
      explanation:
        'The question describes symptoms that may be an emergency, and your reply does not tell the person to get urgent help. Please start with "call your emergency number now" (or the right urgent service) before anything else.',
      note: 'If any of these symptoms are happening now, call your local emergency number.',
      guidance: [
        'FSMB Social Media and Electronic Communications (2019): patient safety comes first in any online exchange.',
        'NCSBN A Nurse\u2019s Guide to the Use of Social Media (2018): the duty to act on safety concerns continues online.',
        "GMC Good medical practice (2024): act promptly when a patient's safety is at risk; offer help in emergencies.",
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'urgent-question',
        questionCues: [
          { id: 'EM_CHEST', pattern: String.raw`\b(?:I\s+think\s+)?(?:I'm|I\s+am|he's|she's|he\s+is|she\s+is)\s+having\s+a\s+(?:heart\s+attack|stroke|seizure)\b|\bclutching\s+(?:his|her|my)\s+chest\b|\b(?:crushing|severe|heavy|tight)\s+(?:chest|pain\s+in\s+my\s+chest)|\bchest\s+(?:is\s+)?(?:pain|pressure|tightness|tight|hurts)\b[^.]{0,60}\b(?:arm|jaw|spreading|radiat\w+|short\s+of\s+breath|breathless|sweat\w*|minutes)\b|\b(?:short\s+of\s+breath|breathless)\b[^.]{0,40}\bchest\s+pain\b` },
          { id: 'EM_STROKE', pattern: String.raw`\b(?:face|mouth)\b[^.]{0,20}\b(?:droop\w*|lopsided)|\bslurr(?:ed|ing)\b|\bgarbled\b|\bcan't\s+(?:speak|talk)\s+properly\b|\b(?:arm|leg|side)\s+(?:went|is|feels|has\s+gone)\s+(?:weak|numb|limp|dead)\b|\bcan't\s+(?:lift|move)\s+(?:my|his|her)\s+(?:arm|leg)\b` },
          { id: 'EM_AIRWAY', pattern: String.raw`\b(?:throat|tongue|lips?|face|mouth)\b[^.]{0,25}\b(?:closing|swelling|swollen|tight)\b[^.]{0,60}\b(?:wheez\w+|breath\w*|ate|eating|sting|stung|peanuts?|nuts?|shellfish|antibiotic|medication)\b|\b(?:throat|tongue)\b[^.]{0,25}\b(?:closing|swelling|swollen|tight)\b|\bhard\s+to\s+breathe\b|\b(?:can't|cannot)\s+breathe\b|\btrouble\s+breathing\b|\bstruggling\s+to\s+breathe\b|\blips?\s+(?:look|are|is|turning)\s+blue\b|\bturning\s+blue\b|\binhaler\s+(?:isn't|is\s+not|not)\s+(?:helping|working)\b` },
          { id: 'EM_BLEEDING', pattern: String.raw`\bbleeding\s+(?:heavily|a\s+lot|badly)\b|\bheavy\s+bleeding\b|\bspurting\b|\b(?:won't|will\s+not|doesn't)\s+stop\s+(?:bleeding|even)\b|\bsoaking\s+through\b|\b(?:vomiting|throwing\s+up|coughing\s+up)\s+(?:\w+\s+)?blood\b|\bblack\s+(?:and\s+)?tarry\b` },
          { id: 'EM_HEADACHE', pattern: String.raw`\bworst\s+headache\b|\bthunderclap\b` },
          { id: 'EM_INFANT', pattern: String.raw`\b\d+-(?:week|day)-old\b[^.]{0,40}\bfever\b|\bfever\b[^.]{0,40}\b\d+-(?:week|day)-old\b|\bfloppy\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:weeks?|days?)\s+old\b[^.]{0,50}\b(?:fever|temp\w*\s+(?:of\s+)?(?:3[89]|10\d)|won't\s+feed|not\s+feeding|limp|blue|grunting)\b|\bnewborn\b[^.]{0,40}\b(?:fever|temp\w*|won't\s+feed|not\s+feeding)\b` },
          { id: 'EM_DKA', pattern: String.raw`\bmeter\s+(?:just\s+)?(?:says|reads)\s+hi\b|\bketones?\s+(?:are\s+)?(?:high|large)\b|\bbreathing\s+(?:really\s+)?fast\b` },
          { id: 'EM_UNCONSCIOUS', pattern: String.raw`\b(?:hasn't|has\s+not|won't|isn't|not)\s+(?:woken|wake|waking|responding)\b(?!\s+to\b)|\bunconscious\b|\b(?:isn't|is\s+not|not)\s+moving\b|\bcan't\s+wake\b|\bunresponsive\b|\bpassed\s+out\b|\bcollapsed\b|\bseizure\b[^.]{0,30}\b(?:minutes|won't\s+stop|not\s+stopping)\b` },
          { id: 'EM_VISION', pattern: String.raw`\bsudden(?:ly)?\s+(?:can't|cannot|lost)\s+(?:see|my\s+vision)\b|\bcan't\s+see\s+(?:anything\s+)?out\s+of\b` },
          { id: 'EM_MENINGITIS', pattern: String.raw`\bstiff\s+neck\b[^.]{0,40}\bfever\b|\brash\b[^.]{0,30}\b(?:doesn't|does\s+not|won't)\s+fade\b` },
          { id: 'EM_CLOT', pattern: String.raw`\b(?:calf|leg)\b[^.]{0,30}\bswollen\b[^.]{0,60}\b(?:short\s+of\s+breath|chest\s+pain|breathless)\b` },
          { id: 'EM_INGESTION', pattern: String.raw`\bswallowed\s+(?:a|an|the|some)\s+(?:button\s+)?(?:battery|batteries|magnet|pod|bleach)\b|\bdrank\s+(?:some\s+)?(?:of\s+)?(?:the\s+)?(?:bleach|dishwasher|detergent|cleaner|antifreeze)\b|\btook\s+(?:a\s+handful|a\s+whole\s+(?:bottle|pack|box)|all\s+(?:of\s+)?(?:his|her|my|their)\s+(?:pills|tablets|meds))\b` },
          { id: 'EM_ABDOMEN', pattern: String.raw`\bsevere\s+pain\b[^.]{0,40}\b(?:right\s+side|belly|abdomen|stomach)\b[^.]{0,40}\bfever\b|\bhurts\s+to\s+walk\b` },
          { id: 'EM_PREGNANCY', pattern: String.raw`\bpregnant\b[^.]{0,40}\bbleeding\b` },
          { id: 'EM_HEART_RATE', pattern: String.raw`\b(?:heart|pulse)\b[^.]{0,20}\b(?:1[6-9]\d|2\d\d)\b|\b(?:about|going)\s+to\s+pass\s+out\b|\bfeel\s+faint\b` },
          { id: 'EM_ANAPHYLAXIS', pattern: String.raw`\bhives\b[^.]{0,40}\b(?:tongue|throat|lips?|breath\w*)\b` },
          { id: 'EM_MORE', pattern: String.raw`\bcoffee[- ]grounds?\b|\bworst\s+pain\s+(?:of\s+my\s+life|I've\s+ever)\b|\b(?:stomach|abdomen|belly)\s+is\s+(?:rock\s+hard|rigid)\b|\bsudden(?:ly)?\b[^.]{0,30}\b(?:testicle|testis|scrotum)\b|\bbaby\s+(?:isn't|hasn't\s+been|is\s+not|has\s+not\s+been|not)\s+moving\b|\breduced\s+(?:fetal\s+|foetal\s+|baby\s+)?movements\b|\bhit\s+(?:his|her|my|their)\s+head\b[^.]{0,60}\b(?:vomit\w*|drowsy|sleepy|confused|passed\s+out)\b|\b(?:blood\s+)?sugar\s+(?:is|of|at)\s+(?:[1-3](?:\.\d)?|[12]\d)\b(?!\s*(?:mmol|mg))[^.]{0,30}\b(?:confused|shaking|can't|dizzy|sweating|out\s+of)\b|\bmottled\b|\bpregnant\b[^.]{0,50}\b(?:severe\s+headache|vision|swelling)\b` },
          // 1.3.0: no fetal movement in late pregnancy; a counted overdose ("took about 20 paracetamol").
          { id: 'EM_NO_MOVEMENT', pattern: String.raw`\b(?:haven't|hasn't|have\s+not|not|no|didn't)\s+(?:felt|feel|feeling|noticed)\s+(?:the\s+|my\s+)?baby\s+(?:move|moving|kick\w*)\b|\bbaby\s+(?:has\s+)?(?:stopped|hasn't)\s+(?:moving|kicking)\b` },
          { id: 'EM_OVERDOSE_COUNT', pattern: String.raw`\b(?:took|taken|swallowed|had)\s+(?:about\s+|around\s+|like\s+|maybe\s+|over\s+)?(?:\d{2,}|a\s+whole\s+\w+\s+of|all\s+(?:the|my))\s+(?:of\s+(?:my|the|his|her|their)\s+)?(?:[\w-]+\s+)?(?:{ANYMED}|pills|tablets|paracetamol|tylenol|aspirin|ibuprofen)\b` },
          { id: 'EM_SUICIDAL', pattern: String.raw`\b(?:thoughts\s+of|thinking\s+(?:of|about))\s+(?:ending|killing|taking)\s+my\b|\bend\s+my\s+life\b|\bkill\s+myself\b|\bpills\s+(?:ready|lined\s+up)\b` },
        ],
        questionUnless: [
          { id: 'EM_PAST', pattern: String.raw`\b(?:last\s+(?:year|month|week|spring|summer|winter|autumn|fall)|years?\s+ago|months\s+ago|weeks\s+ago|went\s+away|used\s+to|back\s+in|when\s+I\s+was|they\s+said\s+it\s+was|was\s+diagnosed|turned\s+out)\b` },
          { id: 'EM_GENERAL', pattern: String.raw`\b(?:what\s+are\s+the|warning\s+signs|signs\s+of|how\s+(?:do|can|would)\s+(?:I|you|we)\s+(?:tell|know|recogni[sz]e)|in\s+case|if\s+(?:someone|ever)|be\s+ready)\b` },
        ],
        replyDirectsToCare: [
          { id: 'CARE_EMERGENCY', pattern: String.raw`{EMERGENCY_SERVICE}` },
          { id: 'CARE_NOW', pattern: String.raw`\b(?:call|see|contact|ring|phone)\s+(?:your|a)\s+(?:\w+\s+)?(?:doctor|gp|midwife|maternity\s+unit|care\s+team|team|nurse|unit|prescriber)\s+(?:\w+\s+){0,3}?(?:now|right\s+away|immediately|straight\s+away|urgently|today|tonight|at\s+once)\b|\b(?:right\s+now|immediately|straight\s+away|right\s+away)\b[^.]{0,40}\b(?:seen|help|care|call|hospital)\b|\bneeds?\s+to\s+be\s+seen\s+(?:urgently|now|today|straight\s+away|right\s+away)\b|\bseen\s+urgently\b|\bemergency\b` },
        ],
      },
      examples: {
        violates: ['Q: "Crushing chest pain going down my left arm for 20 minutes, is it anxiety?" A: "Try some slow breathing and see if it settles."'],
        passes: ['A: "Please call 911 now. Crushing chest pain spreading to your arm needs emergency care."'],
      },
    },
    {
      id: 'GUARANTEE',
      title: 'Promises an outcome',
      description: 'The reply promises a cure, a result, or complete safety ("this will cure you", "100% safe", "no side effects", "works for everyone").',
      defaultAction: 'hold',
      explanation:
        'Your reply promises an outcome or complete safety. No treatment works for everyone or is free of risk; please describe what is likely and what varies.',
      note: 'No treatment is guaranteed to work for everyone or to be completely free of risk.',
      guidance: [
        'AMA Code of Medical Ethics Opinion 2.3.2: online content should be accurate and not misleading.',
        'FSMB Social Media and Electronic Communications (2019): do not make misleading claims about outcomes.',
        'GMC Good medical practice (2024): make sure information you publish is factual and verifiable; do not exploit vulnerability.',
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'GUAR_CURE', pattern: String.raw`\b(?:will|'ll|is\s+going\s+to|gonna)\s+(?:(?:definitely|certainly|completely|totally|fully)\s+)?(?:cure|fix|heal|reverse)\b|\b(?:will|'ll)\s+be\s+(?:cured|healed)\b|\bcures\s+\w+` },
          { id: 'GUAR_100', pattern: String.raw`\b100\s?%(?!\s*off)|\b(?:a\s+)?hundred\s+per\s?cent\b|\b100\s+per\s?cent\b|\bno\s+exceptions\b` },
          { id: 'GUAR_PROMISE', pattern: String.raw`\bguarantee[ds]?\b|\bI\s+promise\b|\bpromise\s+you\b` },
          { id: 'GUAR_CERTAIN', pattern: String.raw`\bI'm\s+(?:certain|sure|positive)\s+of\s+it\b|\bno\s+doubt\b`, weight: 0.45 },
          { id: 'GUAR_TRUST_ME', pattern: String.raw`\btrust\s+me\b`, weight: 0.4 },
          { id: 'GUAR_NO_RISK', pattern: String.raw`\b(?:zero|no)\s+risks?\b|\brisk[- ]free\b|\b(?:completely|totally|absolutely|perfectly|entirely|100%)\s+(?:safe|harmless)\b|\bno\s+side\s+effects\b|\bno\s+downsides?\b|\bnothing\s+to\s+worry\s+about\s+at\s+all\b|\bcompletely\s+harmless\b|\bthere\s+are\s+none\b` },
          { id: 'GUAR_ALWAYS_WORKS', pattern: String.raw`\bworks?\s+for\s+everyone\b|\bnever\s+fails\b|\bcan't\s+go\s+wrong\b|\bfails?[- ]safe\b|\bwon't\s+ever\s+come\s+back\b|\bnever\s+come\s+back\b|\bgone\s+for\s+good\b|\bpermanent\s+(?:fix|cure)\b|\bno\s+chance\s+of\b|\band\s+you\s+will\s+too\b|\bperfect\s+track\s+record\b` },
          { id: 'GUAR_YOU_WILL', pattern: String.raw`{YOU}(?:'ll|\s+will)\s+(?:definitely|certainly|absolutely|100%)\s+be\b|{YOU}\s+will\s+be\s+(?:completely|totally|absolutely)\s+fine\b|{YOU}(?:'ll|\s+will)\s+definitely\b|\bwill\s+(?:stop|be\s+gone|disappear|go\s+away)\s+(?:within|in|once|after)\b[^.]{0,30}(?:guarantee|promise|certain|for\s+sure)?` , weight: 0.9 },
          // 1.2.0: more ways to promise an outcome.
          { id: 'GUAR_MORE', pattern: String.raw`\bworks?\s+every\s+(?:single\s+)?time\b|\balways\s+works\b|{YOU}\s+won't\s+have\s+any\s+(?:problems|side\s+effects|issues|pain|complications|trouble)\b|{YOU}(?:'ll|\s+will|'re\s+going\s+to)\s+be\s+(?:completely\s+|totally\s+|fully\s+)?(?:pain[- ]free|cured|back\s+to\s+normal|symptom[- ]free)\b|\bnothing\s+(?:can|will|could)\s+go\s+wrong\b|\bzero\s+side\s+effects\b|{YOU}(?:'re|\s+are)\s+going\s+to\s+(?:beat|be\s+fine|recover|get\s+pregnant|walk\s+again)\b|{YOU}\s+will\s+(?:get\s+pregnant|beat\s+this|recover\s+fully|walk\s+again)\b|\b(?:will|'ll)\s+(?:definitely|certainly|absolutely)\s+(?:work|grow\s+back|go\s+away|clear\s+up|heal)\b` },
          { id: 'GUAR_REASSURE', pattern: String.raw`{YOU}(?:'ll|\s+will)\s+be\s+(?:just\s+)?fine\b|\bit\s+will\s+work\b`, weight: 0.45 },
          { id: 'GUAR_ASSURE', pattern: String.raw`\bI\s+(?:can\s+)?assure\s+you\b|\byou\s+have\s+my\s+word\b|\bwithout\s+fail\b|\b(?:it's|it\s+is)\s+impossible\s+for\s+(?:it|this|that)\s+to\b|\bthere's\s+no\s+way\s+(?:it|this|that)\s+(?:will|can|could)\s+(?:fail|come\s+back|hurt|harm|go\s+wrong)\b|\b(?:good|right)\s+as\s+(?:new|rain)\b|\bnever\s+have\s+(?:it|this|that|another|any)\s+(?:again|problems?\s+again|attack\s+again)\b|\bevery\s+(?:single\s+)?(?:patient|person|one)\s+I(?:'ve|\s+have)\s+(?:given|treated|put\s+on|recommended)\b[^.]{0,40}\b(?:has|got|was)\b` },
        ],
        unless: [
          { id: 'GUAR_NEGATED', pattern: String.raw`\b(?:no|not|nothing|never|isn't|aren't|can't|cannot|won't|doesn't|don't|no\s+one)\b[^.]{0,30}\b(?:100\s?%|guarantee\w*|promise|cure[sd]?|risk[- ]free|completely\s+safe|works?\s+for\s+everyone|fix)(?!\w)|\bno\s+cure\b` },
        ],
      },
      examples: {
        violates: ['This will cure your IBS, I promise.', "It's 100% safe, with no side effects at all."],
        passes: ['No medication is 100% safe, but for most people the benefits outweigh the risks.', "There's no cure yet, but many people reach long remissions."],
      },
    },
    {
      id: 'DISPARAGING_REMARKS',
      title: 'Disparages patients, colleagues or the person\u2019s care team',
      description:
        'The reply insults or demeans patients (as a group or the asker), other clinicians, or the person\u2019s own care team, or blames the person for their illness. Added from NCSBN and AMA professionalism guidance.',
      defaultAction: 'hold',
      explanation:
        'Your reply includes remarks that could read as disparaging patients or colleagues. Please keep to respectful, factual language; if you disagree with a plan, suggest asking for a second opinion.',
      note: 'If you have concerns about your care, you can ask for a second opinion.',
      guidance: [
        'NCSBN A Nurse\u2019s Guide to the Use of Social Media (2018): do not make disparaging remarks about patients, employers or co-workers.',
        'AMA Code of Medical Ethics Opinion 2.3.2: online conduct can undermine public trust in the profession.',
        'GMC Good medical practice (2024): treat patients and colleagues with kindness, courtesy and respect.',
      ],
      appliesTo: ['clinician'],
      findingType: 'BOUNDARY',
      match: {
        kind: 'sentence',
        cues: [
          { id: 'DISP_INSULT', pattern: String.raw`\b(?:idiot|idiots|idiotic|moron|morons|stupid|dumb|incompetent|quacks?|butcher|butchers|clueless|useless|hack|hacks|lazy|crazy|lunatic|pathetic|clowns?|disgrace|joke\s+of\s+a|time-?wasters?|snowflakes?|whingers?|malingerers?|fakers?|liars?)\b` },
          { id: 'DISP_LABEL', pattern: String.raw`\bdrug[- ]seek(?:ers?|ing)\b|\bfrequent\s+flyers?\b|\battention[- ]seek\w*\b|\bwant\s+attention\b|\bhypochondriacs?\b|\bwhin(?:ing|er|ers|e)\b|\b(?:are\s+)?all\s+addicts\b|\bnon-?compliant\s+patients\b` },
          { id: 'DISP_YOU_PEOPLE', pattern: String.raw`\b(?:patients|people)\s+like\s+you\s+(?:are|who|always|never|clog|just|make)\b|\bstop\s+making\s+excuses\b|\bneed\s+(?:more|some)\s+(?:discipline|willpower)\b|\bno\s+excuse\b|\bman\s+up\b|\bget\s+over\s+it\b|\byou\s+people\b|\byour\s+own\s+fault\b|\bdoesn't\s+know\s+what\s+(?:they're|he's|she's)\s+doing\b|\bfire\s+(?:them|him|her)\b|\bclog\s+up\b|\bjust\s+(?:anxious|lazy)\s+people\b|\bneed\s+to\s+stop\s+being\b` },
          { id: 'DISP_CARE_TEAM', pattern: String.raw`\b(?:your|that|the|this|their)\s+(?:GP|doctor|doc|consultant|surgeon|nurse|specialist|physio|physiotherapist|dietitian|psychiatrist|neurologist|cardiologist|team|hospital|midwife|dentist|clinic|colleagues?)s?\b[^.]{0,40}\b(?:is|was|sounds|seems|are|were)\s+(?:a\s+|an\s+|so\s+|completely\s+|totally\s+|clearly\s+|just\s+|obviously\s+)?(?:negligent|hopeless|terrible|awful|rubbish|garbage|clueless|out\s+of\s+(?:their|his|her)\s+depth|behind\s+the\s+times|a\s+dinosaur|a\s+cowboy|a\s+charlatan|ignorant|arrogant|a\s+joke|dangerous|a\s+menace|past\s+(?:it|their\s+prime))\b|\b(?:physios|doctors|GPs|nurses|consultants|surgeons|dietitians|psychiatrists|therapists)\s+(?:these\s+days|nowadays)\s+(?:are|know|can't|don't)\b` },
          // 1.3.0: a whole profession or group written off; blaming with "like a normal person".
          { id: 'DISP_GROUP', pattern: String.raw`\b(?:[\w-]+ologists|[\w-]+icians|doctors|GPs|nurses|consultants|surgeons|specialists|physios|pharmacists|midwives|dietitians|therapists|patients)\s+(?:around\s+here\s+|these\s+days\s+|nowadays\s+)?(?:are|is)\s+(?:all\s+|just\s+|mostly\s+)?(?:a\s+bunch\s+of|a\s+load\s+of|a\s+pack\s+of|nothing\s+but)\b` },
          { id: 'DISP_NORMAL_PERSON', pattern: String.raw`\blike\s+(?:a\s+)?(?:normal|sensible|responsible|grown)\s*(?:-?up)?\s*(?:person|people|adult|adults|human)\b|\bmaybe\s+if\s+you\s+(?:\w+\s+){1,6}you\s+wouldn't\b` },
          { id: 'DISP_BLAME', pattern: String.raw`\bbrought\s+(?:this|it)\s+on\s+(?:yourself|themselves|himself|herself)\b|\b(?:typical|classic)\s+(?:patient|hypochondriac|millennial|boomer|gen\s+z)\b|\bit's\s+all\s+in\s+your\s+head\b|\b(?:patients|people)\s+(?:these\s+days|nowadays)\s+(?:are|expect|want|think|can't)\b|\bwhat\s+do\s+you\s+expect\b|\bpanic\s+over\s+nothing\b|\bover\s*react\w*\b` },
        ],
        unless: [
          { id: 'DISP_NEGATED', pattern: String.raw`\b(?:not|never|isn't|aren't|wasn't|no)\s+(?:\w+\s+)?(?:lazy|stupid|crazy|dumb|your\s+fault|a\s+(?:stupid|dumb|silly)\s+question|whining|drug[- ]seek\w*|attention[- ]seek\w*|all\s+in\s+your\s+head|over\s*react\w*)\b` },
        ],
      },
      examples: {
        violates: ['Your GP sounds like an idiot.', 'Half the people here are drug seekers anyway.'],
        passes: ["It's okay to ask for a second opinion if you don't feel heard.", 'Many people with fibromyalgia feel dismissed, and that is hard.'],
      },
    },
  ],
};
