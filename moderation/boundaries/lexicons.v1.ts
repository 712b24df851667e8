/**
 * Lexicons used by the clinician boundary rules (version 1). Plain data: word lists and
 * RegExp-source macros that rule files reference as {NAME}. Written for this project; no
 * third-party list is copied. Suffix patterns catch medication and condition names the lists miss.
 */
import { wordAlternation } from './text.js';

export const LEXICON_VERSION = '1.1.0';

/** Common generic and brand medication names seen in patient communities (lower case). */
export const MEDICATIONS: readonly string[] = [
  'metformin', 'insulin', 'lantus', 'levemir', 'tresiba', 'humalog', 'novorapid', 'ozempic', 'wegovy', 'mounjaro', 'trulicity', 'semaglutide',
  'tirzepatide', 'liraglutide', 'victoza', 'jardiance', 'farxiga', 'januvia', 'glipizide', 'gliclazide', 'glimepiride',
  'levothyroxine', 'synthroid', 'liothyronine', 'armour thyroid', 'methimazole', 'carbimazole',
  'sertraline', 'zoloft', 'escitalopram', 'lexapro', 'citalopram', 'fluoxetine', 'prozac', 'paroxetine', 'venlafaxine', 'effexor',
  'duloxetine', 'cymbalta', 'bupropion', 'wellbutrin', 'mirtazapine', 'amitriptyline', 'nortriptyline', 'trazodone', 'vortioxetine',
  'lithium', 'lamotrigine', 'valproate', 'depakote', 'quetiapine', 'seroquel', 'olanzapine', 'aripiprazole', 'abilify', 'risperidone',
  'lorazepam', 'ativan', 'diazepam', 'valium', 'alprazolam', 'xanax', 'clonazepam', 'klonopin', 'zopiclone', 'zolpidem', 'ambien',
  'melatonin', 'gabapentin', 'neurontin', 'pregabalin', 'lyrica', 'carbamazepine', 'levetiracetam', 'keppra', 'topiramate',
  'ibuprofen', 'advil', 'motrin', 'naproxen', 'aleve', 'aspirin', 'paracetamol', 'acetaminophen', 'tylenol', 'celecoxib', 'diclofenac',
  'tramadol', 'codeine', 'oxycodone', 'hydrocodone', 'morphine', 'fentanyl', 'buprenorphine', 'methadone', 'naltrexone', 'ldn', 'naloxone',
  'prednisone', 'prednisolone', 'methylprednisolone', 'hydrocortisone', 'dexamethasone', 'budesonide', 'fludrocortisone',
  'methotrexate', 'hydroxychloroquine', 'plaquenil', 'sulfasalazine', 'azathioprine', 'mercaptopurine', 'mesalamine', 'mesalazine',
  'humira', 'adalimumab', 'infliximab', 'remicade', 'stelara', 'ustekinumab', 'dupixent', 'enbrel', 'etanercept', 'rituximab',
  'lisinopril', 'ramipril', 'enalapril', 'losartan', 'valsartan', 'amlodipine', 'nifedipine', 'diltiazem', 'verapamil',
  'metoprolol', 'propranolol', 'atenolol', 'bisoprolol', 'carvedilol', 'furosemide', 'lasix', 'spironolactone', 'hydrochlorothiazide',
  'atorvastatin', 'lipitor', 'rosuvastatin', 'crestor', 'simvastatin', 'ezetimibe', 'warfarin', 'apixaban', 'eliquis', 'rivaroxaban',
  'xarelto', 'clopidogrel', 'heparin', 'digoxin', 'nitroglycerin',
  'omeprazole', 'prilosec', 'esomeprazole', 'nexium', 'pantoprazole', 'lansoprazole', 'famotidine', 'ondansetron', 'zofran',
  'metoclopramide', 'reglan', 'domperidone', 'loperamide', 'imodium', 'linaclotide', 'miralax', 'senna',
  'amoxicillin', 'augmentin', 'azithromycin', 'doxycycline', 'ciprofloxacin', 'nitrofurantoin', 'macrobid', 'cephalexin', 'clindamycin',
  'trimethoprim', 'metronidazole', 'fluconazole', 'valacyclovir', 'acyclovir', 'paxlovid',
  'cetirizine', 'zyrtec', 'loratadine', 'claritin', 'fexofenadine', 'diphenhydramine', 'benadryl', 'epinephrine', 'epipen',
  'salbutamol', 'albuterol', 'ventolin', 'fluticasone', 'symbicort', 'seretide', 'advair', 'montelukast', 'tiotropium',
  'sumatriptan', 'imitrex', 'rizatriptan', 'topamax', 'propranolol', 'aimovig', 'botox',
  'adderall', 'ritalin', 'methylphenidate', 'vyvanse', 'lisdexamfetamine', 'atomoxetine', 'modafinil',
  'isotretinoin', 'accutane', 'spironolactone', 'estradiol', 'progesterone', 'testosterone', 'levonorgestrel', 'letrozole', 'tamoxifen',
  'finasteride', 'minoxidil', 'sildenafil', 'tadalafil', 'allopurinol', 'colchicine', 'alendronate', 'tylenol pm',
  'iron', 'ferrous sulfate', 'ferrous sulphate', 'elemental iron', 'vitamin d', 'vitamin b12', 'b12', 'folic acid', 'magnesium',
  'selenium', 'zinc', 'potassium', 'calcium', 'fish oil', 'turmeric', 'ashwagandha', 'probiotic', 'probiotics',
];

/** Medication classes and generic words for "the medicine" (a directive about these is still dosing). */
export const MEDICATION_WORDS: readonly string[] = [
  'meds', 'medication', 'medications', 'medicine', 'medicines', 'pills', 'pill', 'tablets', 'tablet', 'capsules', 'prescription',
  'dose', 'dosage', 'doses', 'antidepressant', 'antidepressants', 'antibiotic', 'antibiotics', 'antihistamine', 'antihistamines',
  'steroid', 'steroids', 'inhaled steroid', 'inhaler', 'painkiller', 'painkillers', 'pain meds', 'blood thinner', 'statin', 'ssri',
  'snri', 'benzo', 'benzos', 'opioid', 'opioids', 'sleeping pills', 'sleeping pill', 'supplement', 'supplements', 'vitamin', 'vitamins',
  'injection', 'injections', 'jab', 'pen', 'pump', 'patch', 'drops', 'cream', 'beta blocker', 'ppi', 'biologic', 'thyroid medication',
];

/** Name endings typical of drug names (ACE inhibitors, sartans, statins, SSRIs, triptans, ...). */
const MED_SUFFIXES = [
  'pril', 'sartan', 'olol', 'statin', 'azepam', 'azolam', 'oxetine', 'triptan', 'dipine', 'prazole', 'tidine', 'gliflozin', 'gliptin',
  'glutide', 'cycline', 'cillin', 'floxacin', 'mycin', 'mab', 'nib', 'afil', 'codone', 'morphone', 'setron', 'thiazide', 'semide', 'xaban',
  'gatran', 'parin', 'lukast', 'tadine', 'sone', 'olone', 'conazole', 'ciclovir', 'clovir',
];

/** Conditions and diagnoses (lower case); see also the suffix pattern below. */
export const CONDITIONS: readonly string[] = [
  'gastroparesis', 'rheumatoid arthritis', 'arthritis', 'osteoarthritis', 'hypothyroidism', 'hyperthyroidism', "hashimoto's", 'hashimotos',
  "graves' disease", 'graves disease', 'celiac', 'coeliac', 'celiac disease', 'coeliac disease', 'bipolar', 'bipolar disorder', 'bipolar ii',
  'bipolar 2', 'depression', 'major depression', 'anxiety disorder', 'generalized anxiety', 'ptsd', 'ocd', 'adhd', 'autism',
  'lyme', 'lyme disease', 'pots', 'pcos', 'endometriosis', 'adenomyosis', 'diabetes', 'type 1 diabetes', 'type 2 diabetes', 'prediabetes',
  'reflux', 'reflux disease', 'gerd', 'ibs', 'ibd', "crohn's", 'crohns', "crohn's disease", 'ulcerative colitis', 'colitis', 'gout',
  'migraine', 'migraines', 'migraines with aura', 'migraine with aura', 'cluster headaches', 'psoriasis', 'psoriatic arthritis', 'eczema',
  'ms', 'multiple sclerosis', 'asthma', 'copd', 'emphysema', 'anemia', 'anaemia', 'iron deficiency', 'iron deficiency anemia',
  'alopecia', 'alopecia areata', 'fibromyalgia', 'chronic fatigue', 'me/cfs', 'heart failure', 'congestive heart failure', 'afib',
  'atrial fibrillation', 'angina', 'tb', 'tuberculosis', 'lupus', 'sle', "sjogren's", 'scleroderma', 'vasculitis', 'uti', 'a uti',
  'kidney stones', 'gallstones', 'shingles', 'sciatica', 'a torn meniscus', 'meniscus tear', 'herniated disc', 'a herniated disc',
  'sleep apnea', 'sleep apnoea', 'narcolepsy', 'epilepsy', 'parkinson', "parkinson's", 'dementia', "alzheimer's", 'cancer',
  'a tumor', 'a tumour', 'cirrhosis', 'fatty liver', 'pancreatitis', 'diverticulitis', 'appendicitis', 'sibo', 'candida', 'long covid',
  'covid', 'the flu', 'flu', 'strep', 'strep throat', 'pneumonia', 'bronchitis', 'sinusitis', 'mono', 'rosacea', 'acne', 'hives',
  "raynaud's", 'raynauds', 'raynaud', 'ehlers-danlos', 'eds', 'hypermobility', 'insulin resistance', 'hypoglycemia', 'neuropathy',
  'plantar fasciitis', 'tendinitis', 'carpal tunnel', 'costochondritis', 'pleurisy', 'vertigo', 'tinnitus', 'glaucoma', 'cataracts',
  'thyroid disease', 'addison', "addison's", "cushing's", 'hemochromatosis', 'sickle cell', 'thalassemia', 'hiv', 'hepatitis',
  'an ulcer', 'a stomach ulcer', 'ulcer', 'hernia', 'a hernia', 'anorexia', 'bulimia', 'an eating disorder', 'schizophrenia',
  'borderline personality disorder', 'bpd', 'croup', 'bppv', 'sleep apnea', 'sleep apnoea', 'tonsillitis', 'conjunctivitis', 'pink eye', 'ear infection', 'a uti', 'thrush', 'a yeast infection', 'scabies', 'ringworm', 'impetigo', 'chickenpox', 'measles', 'hand foot and mouth', 'rsv', 'whooping cough', 'a concussion', 'concussion', 'a stress fracture', 'tennis elbow', 'frozen shoulder', 'a frozen shoulder', 'a slipped disc', 'gastritis', 'a hiatal hernia', 'hiatal hernia', 'cellulitis', 'shingles', 'a blood clot', 'dvt', 'a dvt', 'an arrhythmia', 'svt', 'afib', 'b12 deficiency', 'vitamin d deficiency', 'prediabetes', 'labyrinthitis', 'menieres', "meniere's", 'bursitis', 'a rotator cuff tear', 'dysautonomia', 'mcas', 'mast cell activation', 'gestational diabetes', 'preeclampsia',
];

/** Endings typical of condition names: -itis, -osis, -emia, -pathy, -oma, and "X disease/syndrome/...". */
const CONDITION_SUFFIX = String.raw`[a-z'-]+(?:itis|osis|emia|aemia|pathy|oma|algia|plegia|paresis|trophy|ectasis|iasis)\b|(?:[a-z'-]+\s+){1,2}(?:disease|syndrome|disorder|deficiency|infection|intolerance|allergy|failure)\b`;

/** Licensed or regulated clinical roles, for unverified-claim detection. */
export const CLINICAL_ROLES: readonly string[] = [
  'nurse', 'rn', 'lpn', 'lvn', 'np', 'nurse practitioner', 'registered nurse', 'doctor', 'physician', 'md', 'd.o.', 'gp', 'family doctor',
  'pharmacist', 'paramedic', 'emt', 'surgeon', 'psychiatrist', 'psychologist', 'therapist', 'dietitian', 'dietician', 'nutritionist',
  'midwife', 'physical therapist', 'physiotherapist', 'occupational therapist', 'endocrinologist', 'cardiologist', 'neurologist',
  'oncologist', 'dermatologist', 'gastroenterologist', 'rheumatologist', 'pediatrician', 'paediatrician', 'anesthesiologist',
  'anaesthetist', 'radiologist', 'dentist', 'physician assistant', 'physician associate', 'pa', 'medical professional',
  'healthcare professional', 'health care professional', 'health professional', 'clinician', 'counselor', 'counsellor', 'optometrist',
  'chiropractor', 'medic', 'hospitalist', 'internist', 'obgyn', 'ob-gyn', 'gynecologist',
  'gynaecologist', 'urologist', 'nephrologist', 'pulmonologist', 'er doctor', 'er physician', 'icu nurse', 'er nurse',
];

const ROLE_QUALIFIERS = [
  'registered', 'licensed', 'qualified', 'retired', 'former', 'practicing', 'practising', 'board-certified', 'board certified',
  'certified', 'senior', 'junior', 'icu', 'er', 'a&e', 'emergency', 'cardiology', 'oncology', 'pediatric', 'paediatric', 'critical care',
  'hospital', 'community', 'clinical', 'psychiatric', 'mental health', 'specialist', 'experienced', 'trained', 'practising',
  // 1.1.0: specialty and setting words before a role ("diabetes specialist nurse", "renal pharmacist", "hospice nurse").
  'diabetes', 'diabetic', 'cancer', 'hiv', 'renal', 'kidney', 'dialysis', 'heart', 'cardiac', 'stroke', 'respiratory', 'asthma',
  'neonatal', 'nicu', 'hospice', 'palliative', 'school', 'district', 'practice', 'infusion', 'endocrinology', 'rheumatology',
  'neurology', 'surgical', 'trauma', 'theatre', 'ward', 'nhs', 'agency', 'travel', 'night',
];

const ending = String.raw`(?![\w'\u2019-])`;

/** Qualifiers that may stand between "that's" and a condition ("that's obstructive sleep apnea"). */
const CONDITION_QUALIFIERS = [
  'obstructive', 'central', 'chronic', 'acute', 'severe', 'mild', 'moderate', 'early', 'late', 'viral', 'bacterial', 'allergic', 'seasonal',
  'adult-onset', 'exercise-induced', 'postpartum', 'benign', 'vestibular', 'classic', 'textbook', 'typical', 'full-blown', 'stage',
  'advanced', 'untreated', 'silent', 'atypical', 'paroxysmal', 'positional', 'reactive', 'secondary', 'primary', 'gestational',
];

export const MACROS: Readonly<Record<string, string>> = {
  CONDQUAL: wordAlternation(CONDITION_QUALIFIERS),
  MED: String.raw`\b(?:${wordAlternation(MEDICATIONS)})${ending}|\b[a-z]+(?:${MED_SUFFIXES.join('|')})\b`,
  MEDWORD: String.raw`\b(?:${wordAlternation(MEDICATION_WORDS)})${ending}`,
  ANYMED: String.raw`{MED}|{MEDWORD}`,
  DOSE: String.raw`\b\d+(?:[.,]\d+)*\s?(?:mg|mcg|µg|ug|g|ml|units?|iu|tablets?|pills?|puffs?|capsules?|caps|drops?|tabs?)\b|\b(?:one|two|three|four|half|a half|double|an extra|another|a second|a third)\s+(?:a\s+)?(?:dose|doses|tablet|tablets|pill|pills|puff|puffs|units?|capsules?)\b`,
  COND: String.raw`\b(?:${wordAlternation(CONDITIONS)})${ending}|${CONDITION_SUFFIX}`,
  ROLE: String.raw`(?:${wordAlternation(CLINICAL_ROLES)})${ending}`,
  QUAL: wordAlternation(ROLE_QUALIFIERS),
  YOU: String.raw`\b(?:you|u|ya)\b`,
  CERTAIN: String.raw`definitely|clearly|certainly|almost certainly|obviously|most likely|probably|surely|undoubtedly|absolutely|for sure|likely`,
  CLINICIAN_REF: String.raw`\b(?:prescriber|doctor|doc|gp|pharmacist|care team|team|nurse|specialist|clinician|provider|physician|consultant|midwife|endocrinologist|rheumatologist|neurologist|psychiatrist|cardiologist|surgeon)s?\b`,
  EMERGENCY_SERVICE: String.raw`\b(?:911|999|112|000|988|111)\b|\bambulance\b|\bemergency\s+(?:room|department|services?|care|help|number|line|assessment|team)\b|\b(?:the\s+)?(?:er|a&e|ed)\b|\bpoison\s+control\b|\bcrisis\s+line\b|\burgent(?:ly)?\s+(?:care|assessment|help|attention|review)\b|\b(?:go|get|head)\s+(?:straight\s+)?to\s+(?:the\s+)?(?:hospital|emergency)\b`,
  PERSON_NAME: String.raw`(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+[A-Z][a-z]+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?`,
};
