/**
 * Word lists the name and place recognizers consult. All lower-case; looked up with Set.has.
 * These are the project's own lists (no external data).
 */

function set(...groups: string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const g of groups) for (const w of g.split(/[,\n]/)) {
    const t = w.trim().toLowerCase();
    if (t) out.add(t);
  }
  return out;
}

/** Medicines (brand and generic) patients name; never a person or a place. */
export const DRUGS = set(`
ozempic, wegovy, mounjaro, zepbound, trulicity, victoza, saxenda, rybelsus, byetta, jardiance, farxiga, invokana, januvia, janumet,
metformin, glucophage, insulin, lantus, levemir, tresiba, toujeo, humalog, novolog, fiasp, basaglar, semaglutide, tirzepatide, liraglutide,
dulaglutide, glipizide, glimepiride, pioglitazone, actos, humira, adalimumab, enbrel, etanercept, remicade, infliximab, inflectra,
stelara, ustekinumab, entyvio, vedolizumab, skyrizi, rinvoq, xeljanz, cosentyx, taltz, dupixent, otezla, orencia, actemra, kevzara,
simponi, cimzia, rituxan, rituximab, ocrevus, kesimpta, tysabri, tecfidera, gilenya, aubagio, copaxone, mavenclad, zeposia, mayzent,
vumerity, plaquenil, hydroxychloroquine, methotrexate, otrexup, rasuvo, prednisone, prednisolone, medrol, methylprednisolone,
dexamethasone, budesonide, entocort, uceris, mesalamine, lialda, asacol, apriso, pentasa, sulfasalazine, azathioprine, imuran,
mercaptopurine, purixan, tacrolimus, prograf, cellcept, mycophenolate, cyclosporine, benlysta, saphnelo, lupkynis,
levothyroxine, synthroid, levoxyl, unithroid, tirosint, armour, cytomel, liothyronine, methimazole, tapazole,
tylenol, acetaminophen, paracetamol, advil, motrin, ibuprofen, aleve, naproxen, aspirin, bayer, excedrin, celebrex, celecoxib,
meloxicam, mobic, diclofenac, voltaren, tramadol, ultram, oxycodone, oxycontin, percocet, vicodin, norco, hydrocodone, morphine,
dilaudid, fentanyl, codeine, suboxone, buprenorphine, naloxone, narcan, methadone, gabapentin, neurontin, lyrica, pregabalin,
cymbalta, duloxetine, savella, amitriptyline, elavil, nortriptyline, cyclobenzaprine, flexeril, baclofen, tizanidine, zanaflex,
sertraline, zoloft, fluoxetine, prozac, escitalopram, lexapro, citalopram, celexa, paroxetine, paxil, venlafaxine, effexor,
desvenlafaxine, pristiq, bupropion, wellbutrin, mirtazapine, remeron, trazodone, buspirone, buspar, lamotrigine, lamictal,
lithium, abilify, aripiprazole, seroquel, quetiapine, risperdal, risperidone, zyprexa, olanzapine, latuda, vraylar, rexulti,
xanax, alprazolam, klonopin, clonazepam, ativan, lorazepam, valium, diazepam, ambien, zolpidem, lunesta, belsomra, melatonin,
adderall, ritalin, concerta, vyvanse, strattera, focalin, modafinil, provigil, nuvigil,
keppra, levetiracetam, depakote, topamax, topiramate, trileptal, tegretol, carbamazepine, dilantin, phenytoin, vimpat, xcopri,
sumatriptan, imitrex, rizatriptan, maxalt, nurtec, ubrelvy, aimovig, emgality, ajovy, vyepti, qulipta, botox,
lisinopril, losartan, cozaar, valsartan, diovan, amlodipine, norvasc, metoprolol, lopressor, toprol, atenolol, carvedilol, coreg,
propranolol, inderal, hydrochlorothiazide, hctz, furosemide, lasix, spironolactone, aldactone, entresto, eliquis, apixaban,
xarelto, rivaroxaban, warfarin, coumadin, plavix, clopidogrel, brilinta, lipitor, atorvastatin, crestor, rosuvastatin,
simvastatin, zocor, pravastatin, repatha, praluent, zetia, ezetimibe, digoxin, amiodarone, nitroglycerin,
omeprazole, prilosec, pantoprazole, protonix, esomeprazole, nexium, lansoprazole, prevacid, famotidine, pepcid, zantac,
ondansetron, zofran, reglan, metoclopramide, linzess, amitiza, trulance, miralax, colace, dulcolax, imodium, loperamide,
xifaxan, rifaximin, creon, zenpep, questran, cholestyramine, welchol,
albuterol, proair, ventolin, symbicort, advair, breo, trelegy, spiriva, singulair, montelukast, flovent, pulmicort, xolair,
nucala, fasenra, tezspire, trikafta, epipen, benadryl, zyrtec, claritin, allegra, flonase, xyzal, sudafed, mucinex, dayquil, nyquil,
amoxicillin, augmentin, azithromycin, zithromax, z-pak, doxycycline, cipro, ciprofloxacin, levaquin, keflex, cephalexin, bactrim,
flagyl, metronidazole, clindamycin, nitrofurantoin, macrobid, paxlovid, tamiflu, valtrex, valacyclovir, acyclovir, biktarvy,
truvada, descovy, genvoya, triumeq, dovato, cabenuva, apretude, harvoni, epclusa, mavyret,
tamoxifen, letrozole, femara, anastrozole, arimidex, exemestane, herceptin, keytruda, opdivo, ibrance, verzenio, kisqali,
xeloda, capecitabine, taxol, paclitaxel, carboplatin, cisplatin, adriamycin, cytoxan, revlimid, imbruvica, gleevec, tagrisso,
lupron, zoladex, prolia, xgeva, evenity, forteo, tymlos, fosamax, alendronate, boniva, reclast, premarin, estradiol, estrace,
progesterone, prometrium, provera, yaz, yasmin, nexplanon, mirena, kyleena, depo-provera, clomid, letrozole, spironolactone,
testosterone, androgel, finasteride, propecia, flomax, tamsulosin, viagra, cialis, sildenafil, tadalafil, myrbetriq, oxybutynin,
vitamin, biotin, b12, d3, iron, ferritin, folate, magnesium, potassium, zinc, tums, gatorade, pedialyte, ensure, boost,
nutella, kodak, xyosted, ozempic's, humira's, keytruda's, enhertu, kadcyla, neulasta, neupogen, procrit, epogen, aranesp,
soliris, ultomiris, vyvgart, firdapse, mestinon, pyridostigmine, radicava, relyvrio, riluzole, nuedexta, sinemet, carbidopa,
levodopa, rytary, azilect, mirapex, requip, ropinirole, pramipexole, aricept, donepezil, namenda, memantine, leqembi, kisunla,
spravato, ketamine, esketamine, zulresso, zurzuvae, auvelity, caplyta, cobenfy, ingrezza, austedo, nuplazid
`);

/** Surname stems of eponymous conditions, tests and signs: "Crohn's", "Hashimoto's", "Lou Gehrig's". */
export const EPONYMS = set(`
crohn, crohns, hashimoto, hashimotos, parkinson, parkinsons, alzheimer, alzheimers, addison, addisons, cushing, cushings, graves,
raynaud, raynauds, sjogren, sjögren, sjogrens, sjögren's, hodgkin, hodgkins, non-hodgkin, tourette, tourettes, asperger, aspergers,
huntington, huntingtons, gehrig, gehrigs, guillain, barre, barré, guillain-barre, guillain-barré, meniere, menieres, ménière, barrett, barretts,
marfan, ehlers, danlos, ehlers-danlos, down, kawasaki, lyme, wilson, wilsons, paget, pagets, peyronie, behcet, behçet, behcets, still,
reiter, bell, bells, tay, sachs, tay-sachs, whipple, whipples, kaposi, ewing, wilms, burkitt, hirschsprung, sjogren-larsson, rett,
angelman, prader, willi, prader-willi, turner, klinefelter, williams, noonan, marfan's, fabry, gaucher, pompe, niemann, pick, krabbe,
batten, canavan, duchenne, becker, charcot, marie, tooth, charcot-marie-tooth, friedreich, lambert, eaton, lambert-eaton, stevens,
johnson, stevens-johnson, takayasu, wegener, kikuchi, castleman, waldenstrom, waldenström, zollinger, ellison, conn, dressler,
epstein, barr, epstein-barr, hashimoto's, cushing's, addison's, crohn's, parkinson's, alzheimer's, graves', lou, osgood, schlatter,
legg, calve, perthes, sever, kienbock, dupuytren, dupuytrens, de quervain, quervain, morton, mortons, tietze, bartholin, baker, bakers,
scheuermann, sudeck, arnold, chiari, arnold-chiari, dandy, walker, pott, volkmann, colles, smith, bennett, boxer, hunter, hurler,
heberden, bouchard, apgar, glasgow, papanicolaou, pap, holter, foley, swan, ganz, heimlich, valsalva, epley, kegel, babinski,
romberg, tinel, phalen, murphy, mcburney, rovsing, kernig, brudzinski, trendelenburg, lachman, mcmurray, finkelstein, spurling,
allen, fontan, glenn, norwood, whipple, nissen, roux, billroth, hartmann, mohs, lasik, hickman, mediport, port-a-cath, picc,
fallot, ebstein, eisenmenger, kussmaul, cheyne, stokes, korsakoff, wernicke, broca, bell's, munchausen, capgras, stockholm,
asherman, sheehan, mallory, weiss, boerhaave, plummer, vinson, zenker, meckel, cowden, lynch, li-fraumeni, fraumeni, gardner,
peutz, jeghers, von willebrand, willebrand, von hippel-lindau, hippel, lindau, recklinghausen, bernard, soulier, glanzmann,
christmas, hughes, sneddon, dressler's, kounis, brugada, wolff, parkinson-white, wolff-parkinson-white, romano, ward, jervell,
lange-nielsen, barlow, libman, sacks, osler, rendu, weber, sturge, klippel, trenaunay, kasabach, merritt, blount, jones,
sydenham, lesch, nyhan, cori, mcardle, tarui, hers, gilbert, gilberts, crigler, najjar, dubin, rotor, budd, chiari, caroli, alagille
`);

/**
 * Eponyms that, capitalised and possessive or bare, almost always name a condition in patient writing
 * ("my Crohn's", "Hashimoto's", "early Parkinson's"). The longer EPONYMS list only applies when a
 * condition word follows ("Bell's palsy", "Wilson disease", "Stevens-Johnson syndrome").
 */
export const EPONYMS_STRONG = set(`
crohn, crohns, hashimoto, hashimotos, parkinson, parkinsons, alzheimer, alzheimers, addison, cushing, graves, raynaud, raynauds,
sjogren, sjögren, sjogrens, hodgkin, hodgkins, non-hodgkin, tourette, tourettes, asperger, aspergers, huntington, gehrig, guillain,
guillain-barre, guillain-barré, meniere, menieres, ménière, marfan, ehlers-danlos, ehlers, danlos, kawasaki, lyme, behcet, behçet,
tay-sachs, hirschsprung, duchenne, dupuytren, peyronie, paget, wegener, fallot, chiari, arnold-chiari, epstein-barr, munchausen,
kaposi, hashi, hashis, osgood-schlatter, charcot-marie-tooth, prader-willi, stevens-johnson, von willebrand, willebrand
`);

/** Words after an eponym that make it a condition, test or procedure. */
export const CONDITION_WORDS = set(`
disease, diseases, syndrome, syndromes, palsy, disorder, sign, signs, test, tests, procedure, maneuver, manoeuvre, sarcoma, lymphoma,
tumor, tumour, phenomenon, contracture, thyroiditis, ulcer, esophagus, oesophagus, malformation, anomaly, tetralogy, score, scale,
criteria, stockings, catheter, bag, pouch, fracture, cyst, neuroma, node, nodes, diverticulum, triad, reflex, dementia
`);

/** Diets, devices, apps and other health terms patients capitalise: never a person or a place. */
export const HEALTH_TERMS = set(`
keto, paleo, carnivore, whole30, fodmap, low-fodmap, mediterranean, dash, atkins diet, intermittent fasting, omad,
mychart, dexcom, libre, freestyle, omnipod, tandem, medtronic, minimed, guardian, eversense, t-slim, tslim, loop, openaps,
androidaps, xdrip, sugarmate, glooko, tidepool, mysugr, carelink, clarity, icu, nicu, picu, er, ed, or, pacu, ccu, hdu,
chemo, radiation, immunotherapy, remission, relapse, flare, flares, infusion, dialysis, port, picc, cgm, pump, hypo, hypos, hyper, hypers,
dka, hba1c, a1c, bg, bgl, basal, bolus, keto, ketones, sugars, scanxiety, spoons, brain fog
`);

/**
 * Everyday brands, platforms, games and shops members mention ("my kid plays Roblox"): capitalised like names, never a
 * person or a place. Not complete: a few dozen of the commonest, so one mention does not hold a message as someone's name.
 */
export const BRANDS = set(`
youtube, tiktok, instagram, facebook, reddit, twitter, snapchat, discord, whatsapp, pinterest, netflix, hulu, disney, amazon, walmart,
target, costco, kroger, walgreens, cvs, aldi, ikea, roblox, fortnite, minecraft, skyrim, halo, lego, pokemon, nintendo, xbox,
playstation, iphone, ipad, android, google, alexa, siri, fitbit, garmin, apple, samsung, starbucks, mcdonalds, cheetos, skittles,
snickers, smarties, starburst, hershey, oreo, gatorade, pedialyte, tylenol, advil, motrin, zoom, uber, lyft, doordash, peloton,
spotify, kindle, audible, etsy, ebay, paypal, venmo, gymboree, simpsons, pixar, marvel, barbie, peppa, bluey, cocomelon, unsplash, pexels
`);

/** Public health bodies and similar organisations: never a person or a location to hide. */
export const PUBLIC_BODIES = set(`
cdc, who, fda, nih, nhs, nice, ema, hhs, cms, ama, ada, aap, acog, aha, acs, nami, samhsa, niddk, nci, nimh, ninds, niaid, usda,
osha, va, ahrq, hrsa, iom, paho, unicef, red cross, mayo clinic, webmd, medline, medlineplus, pubmed, cochrane, uptodate, healthline,
crohn's & colitis foundation, arthritis foundation, american diabetes association, american heart association, american cancer society,
national ms society, ms society, lupus foundation, alzheimer's association, jdrf, lls, komen, susan g. komen, march of dimes,
planned parenthood, medicare, medicaid, obamacare, tricare, affordable care act, aca, hipaa, social security, ssa, ssi, ssdi, irs, dmv
`);

/**
 * Capitalised words that are also first names, surnames or place names but are far more often
 * ordinary words in patient writing. A single such token is only a name or place with strong context.
 */
export const COMMON_WORDS = set(`
a, royal, democratic, republic, i, im, i'm, ive, i've, id, i'd, ill, i'll, the, an, and, or, but, so, if, of, to, in, on, at, by, for, from, with, as, is, it, its, be, am, are,
was, were, has, had, have, do, does, did, not, no, yes, my, me, we, us, our, you, your, he, she, him, her, his, hers, they, them, their,
this, that, these, those, what, when, where, who, why, how, which, all, any, some, just, also, then, than, now, here, there, very, too,
oh, ok, okay, hi, hey, hello, thanks, thank, thx, ty, lol, omg, wow, yeah, yep, nope, please, sorry, love, hugs, bless, blessings,
update, edit, ps, p.s, tldr, tl;dr, fyi, btw, imo, imho, anyone, anybody, someone, everyone, nobody, today, tomorrow, yesterday, tonight,
monday, tuesday, wednesday, thursday, friday, saturday, sunday, mon, tue, tues, wed, thu, thur, thurs, fri, sat, sun,
january, february, march, april, may, june, july, august, september, october, november, december, jan, feb, mar, apr, jun, jul, aug,
sep, sept, oct, nov, dec, spring, summer, fall, autumn, winter, christmas, xmas, easter, thanksgiving, halloween, hanukkah, ramadan,
passover, diwali, new year, god, lord, jesus, christ, allah, bible, church, mass, amen,
will, hope, faith, grace, joy, glory, mercy, charity, patience, chance, honor, honour, destiny, trinity, harmony, heaven, angel, angels,
bill, bills, mark, marks, pat, sue, rob, bob, don, dawn, rose, lily, ivy, holly, iris, daisy, violet, fern, heather, ginger, pepper,
sky, storm, rain, star, sunny, summer, autumn, jade, ruby, pearl, amber, crystal, coral, diamond, jewel, penny, sandy, rusty, buddy,
art, guy, jack, frank, earl, duke, king, prince, princess, queen, major, deacon, bishop, pastor, chase, hunter, walker, cook, baker,
miller, fisher, taylor, carter, mason, porter, parker, cooper, turner, butler, page, gardner, marshall, sterling, noble, young, old,
long, short, small, little, white, black, brown, green, gray, grey, rich, hill, hills, wood, woods, field, fields, brook, brooks,
lake, lakes, rivers, river, stone, stones, bush, love, friend, friends, best, good, bad, strong, wise, sharp, fair, free, bright,
will's, may's, sir, madam, mom, mum, dad, mama, papa, mommy, daddy, grandma, grandpa, nana, papa, granny, auntie, baby, bro, sis,
son, daughter, husband, wife, hubby, dh, dd, ds, doc, doctor, dr, nurse, pa, np, md, rn, lpn, cna, pt, ot, slp, gp, pcp, ent, obgyn, ob, gyn,
neuro, rheum, rheumy, endo, gi, cardio, onc, derm, psych, ortho, uro, pulm, pulmo, nephro, hem, heme, er, ed, icu, nicu, picu, or,
mri, ct, cat, pet, ekg, ecg, eeg, emg, ncs, echo, xray, x-ray, labs, lab, cbc, cmp, bmp, tsh, t3, t4, a1c, hba1c, ldl, hdl, inr, crp, esr,
ana, rf, alt, ast, egfr, bun, psa, hcg, iv, im, po, prn, bid, tid, qid, mg, mcg, ml, cc, iu, covid, covid-19, coronavirus, flu, rsv, hiv,
aids, hep, ms, als, ra, sle, ibd, ibs, uc, copd, chf, cad, pots, mcas, eds, cfs, me, pcos, gerd, adhd, add, ocd, ptsd, gad, bpd, dvt,
pe, tbi, cva, tia, uti, ckd, esrd, dka, t1d, t2d, t1, t2, lupus, cancer, diabetes, covid's, long covid, omicron, delta, pfizer, moderna,
novavax, janssen, astrazeneca, j&j, google, facebook, instagram, twitter, tiktok, youtube, reddit, discord, whatsapp, zoom, teams,
amazon, walmart, target, costco, cvs, walgreens, rite aid, kroger, publix, safeway, uber, lyft, netflix, iphone, android, apple,
samsung, fitbit, dexcom, libre, freestyle, omnipod, tandem, medtronic, minimed, guardian, t:slim, control-iq, loop, mychart, epic,
goodrx, optum, aetna, cigna, humana, anthem, kaiser, bcbs, blue cross, blue shield, united, unitedhealthcare, uhc, ambetter,
english, spanish, american, canadian, british, mexican, chinese, indian, african, european, asian, latina, latino, hispanic, jewish,
muslim, christian, catholic, baptist, methodist, lutheran, mormon, buddhist, hindu, north, south, east, west, central, northern,
southern, eastern, western, downtown, uptown, midwest, ave, st, rd, blvd, county, city, town, state, states, country, hospital, clinic,
center, centre, university, college, school, medical, health, memorial, general, regional, community, children's, children, saint,
st., mount, mt, fort, ft, new, san, santa, los, las, el, la, de, del, le, du, van, von, di, da, al, bin, ibn,
hopefully, honestly, anyway, anyways, also, still, even, maybe, probably, definitely, actually, basically, literally, seriously,
first, second, third, last, next, week, weeks, month, months, year, years, day, days, night, nights, morning, evening, afternoon,
pain, fatigue, nausea, flare, flares, relapse, remission, diagnosis, dx, rx, meds, med, shot, shots, dose, doses, infusion, infusions,
surgery, appointment, appt, insurance, pharmacy, prior, auth, pa's, copay, deductible, support, group, forum, community, members, mods,
admin, moderator, team, care, patient, patients, caregiver, caregivers, warrior, warriors, spoonie, spoonies, chronic, illness,
new york times, times, post, news, journal, report, study, research, article, trial, trials, fda-approved, approved, generic, brand,
vitamin d, type, stage, grade, level, levels, test, tests, results, result, score, scale, number, numbers, id, card, plan, policy,
fax, tel, cell, mobile, phone, email, e-mail, ext, office, home, work
`);

/** Titles that introduce a person's name; the title itself is not part of the span. */
export const PERSON_TITLES = set(`
dr, dr., doctor, doc, nurse, nurse practitioner, np, pa, prof, prof., professor, mr, mr., mrs, mrs., ms, ms., miss, mx, mx., sister, father,
pastor, rev, rev., reverend, rabbi, imam, coach, officer, judge, surgeon, therapist, counselor, counsellor, midwife
`);

/** Words that, after "my", point at another person. */
export const RELATIONS = set(`
son, daughter, husband, wife, partner, spouse, hubby, boyfriend, girlfriend, fiance, fiancé, fiancee, fiancée, mom, mum, mother, mommy, mama,
dad, father, daddy, papa, brother, sister, sibling, twin, grandson, granddaughter, grandchild, grandkid, grandma, grandmother, grandpa,
grandfather, granny, nana, aunt, auntie, uncle, niece, nephew, cousin, kid, child, baby, toddler, infant, newborn, stepson, stepdaughter,
stepmom, stepdad, friend, bestie, neighbor, neighbour, coworker, co-worker, colleague, boss, manager, roommate, teacher, caregiver,
aide, ex, in-law, mil, fil, sil, bil, dh, dd, ds, dw
`);

/** Clinician roles: "my neurologist Anita Okafor". */
export const CLINICIAN_ROLES = set(`
doctor, doc, physician, gp, pcp, neurologist, neuro, oncologist, onc, rheumatologist, rheumy, rheum, endocrinologist, endo,
gastroenterologist, gastro, gi, cardiologist, cardio, dermatologist, derm, psychiatrist, psychologist, psych, therapist, counselor,
counsellor, surgeon, nurse, np, pa, nurse practitioner, physician assistant, midwife, ob, obgyn, ob-gyn, gynecologist, urologist,
nephrologist, pulmonologist, hematologist, allergist, immunologist, ophthalmologist, optometrist, dentist, orthodontist, podiatrist,
physio, physiotherapist, pt, ot, chiropractor, pharmacist, specialist, consultant, pediatrician, paediatrician, ped, ent, radiologist,
anesthesiologist, dietitian, dietician, nutritionist, social worker, case manager, care coordinator, navigator, hospitalist, resident
`);

/** Heads of facility names: "St. Luke's Hospital", "Riverside Medical Center". */
export const FACILITY_HEADS = [
  'Hospital', 'Hospitals', 'Medical Center', 'Medical Centre', 'Health Center', 'Health Centre', 'Cancer Center', 'Cancer Institute',
  'Children\'s Hospital', 'Clinic', 'Clinics', 'Infirmary', 'Hospice', 'Rehabilitation Center', 'Rehab Center', 'Rehab',
  'Urgent Care', 'Health System', 'Healthcare', 'Health Care', 'Medical Group', 'Surgery Center', 'Surgical Center',
  'Nursing Home', 'Care Center', 'Memory Care', 'Assisted Living', 'Elementary School', 'Elementary', 'Middle School', 'High School',
  'Academy', 'Dialysis Center', 'Infusion Center', 'Pharmacy', 'Sanitarium', 'Medical Associates', 'Family Practice', 'Pediatrics',
  'Memorial', 'Health', 'Country Club', 'Golf Club', 'Golf Course', 'Community Center', 'Senior Center',
];

/** Well-known facilities named without a facility head word. */
export const KNOWN_FACILITIES = [
  'Johns Hopkins', 'Mass General', 'Massachusetts General', 'Cedars-Sinai', 'Cedars Sinai', 'Sloan Kettering', 'Memorial Sloan Kettering',
  'MD Anderson', 'Dana-Farber', 'Dana Farber', 'Mount Sinai', 'Mt. Sinai', 'Mt Sinai', 'Cleveland Clinic', 'Mayo', 'Brigham and Women\'s',
  'Beth Israel', 'NYU Langone', 'Stanford Health', 'UCLA Medical', 'UCSF', 'Duke Health', 'Vanderbilt', 'Northwestern Medicine',
  'Henry Ford', 'Intermountain', 'Geisinger', 'Barnes-Jewish', 'Ochsner', 'Sutter', 'Kaiser Permanente', 'Presbyterian', 'Lenox Hill',
];

/** US states, their abbreviations and countries: not Safe Harbor identifiers by themselves (a state may stay). */
export const US_STATES: ReadonlyMap<string, string> = new Map([
  ['alabama', 'AL'], ['alaska', 'AK'], ['arizona', 'AZ'], ['arkansas', 'AR'], ['california', 'CA'], ['colorado', 'CO'],
  ['connecticut', 'CT'], ['delaware', 'DE'], ['district of columbia', 'DC'], ['florida', 'FL'], ['georgia', 'GA'], ['hawaii', 'HI'],
  ['idaho', 'ID'], ['illinois', 'IL'], ['indiana', 'IN'], ['iowa', 'IA'], ['kansas', 'KS'], ['kentucky', 'KY'], ['louisiana', 'LA'],
  ['maine', 'ME'], ['maryland', 'MD'], ['massachusetts', 'MA'], ['michigan', 'MI'], ['minnesota', 'MN'], ['mississippi', 'MS'],
  ['missouri', 'MO'], ['montana', 'MT'], ['nebraska', 'NE'], ['nevada', 'NV'], ['new hampshire', 'NH'], ['new jersey', 'NJ'],
  ['new mexico', 'NM'], ['new york', 'NY'], ['north carolina', 'NC'], ['north dakota', 'ND'], ['ohio', 'OH'], ['oklahoma', 'OK'],
  ['oregon', 'OR'], ['pennsylvania', 'PA'], ['rhode island', 'RI'], ['south carolina', 'SC'], ['south dakota', 'SD'],
  ['tennessee', 'TN'], ['texas', 'TX'], ['utah', 'UT'], ['vermont', 'VT'], ['virginia', 'VA'], ['washington', 'WA'],
  ['west virginia', 'WV'], ['wisconsin', 'WI'], ['wyoming', 'WY'], ['puerto rico', 'PR'], ['guam', 'GU'],
]);
export const US_STATE_ABBRS: ReadonlySet<string> = new Set([...US_STATES.values()]);

export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['jan', 1], ['january', 1], ['feb', 2], ['february', 2], ['mar', 3], ['march', 3], ['apr', 4], ['april', 4], ['may', 5],
  ['jun', 6], ['june', 6], ['jul', 7], ['july', 7], ['aug', 8], ['august', 8], ['sep', 9], ['sept', 9], ['september', 9],
  ['oct', 10], ['october', 10], ['nov', 11], ['november', 11], ['dec', 12], ['december', 12],
]);

/** Countries, continents and large regions: bigger than a state, so not Safe Harbor identifiers. */
export const COUNTRIES = set(`
afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria, azerbaijan, bahamas, bahrain, bangladesh,
barbados, belarus, belgium, belize, benin, bhutan, bolivia, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, burundi,
cambodia, cameroon, canada, chad, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus, czechia, czech republic, denmark,
djibouti, dominica, dominican republic, ecuador, egypt, el salvador, england, eritrea, estonia, eswatini, ethiopia, fiji, finland,
france, gabon, gambia, georgia, germany, ghana, greece, greenland, grenada, guatemala, guinea, guyana, haiti, honduras, hong kong,
hungary, iceland, india, indonesia, iran, iraq, ireland, israel, italy, ivory coast, jamaica, japan, jordan, kazakhstan, kenya,
korea, north korea, south korea, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya, liechtenstein,
lithuania, luxembourg, macau, madagascar, malawi, malaysia, maldives, mali, malta, mauritania, mauritius, mexico, moldova, monaco,
mongolia, montenegro, morocco, mozambique, myanmar, burma, namibia, nepal, netherlands, holland, new zealand, nicaragua, niger,
nigeria, north macedonia, macedonia, norway, oman, pakistan, palestine, panama, papua new guinea, paraguay, peru, philippines,
poland, portugal, qatar, romania, russia, rwanda, samoa, san marino, saudi arabia, scotland, senegal, serbia, seychelles,
sierra leone, singapore, slovakia, slovenia, somalia, south africa, spain, sri lanka, sudan, south sudan, suriname, sweden,
switzerland, syria, taiwan, tajikistan, tanzania, thailand, togo, tonga, trinidad, tobago, tunisia, turkey, türkiye, turkmenistan,
uganda, ukraine, united arab emirates, uae, united kingdom, uk, great britain, britain, united states, usa, us, america, uruguay,
uzbekistan, vanuatu, vatican, venezuela, vietnam, viet nam, wales, yemen, zambia, zimbabwe, europe, asia, africa, antarctica,
north america, south america, latin america, central america, middle east, caribbean, scandinavia, oceania, the states,
antigua and barbuda, cabo verde, cape verde, central african republic, comoros, equatorial guinea, guinea-bissau, kiribati,
marshall islands, micronesia, nauru, palau, saint kitts and nevis, saint lucia, saint vincent and the grenadines, sao tome and principe,
solomon islands, timor-leste, east timor, tuvalu, swaziland, cote d'ivoire, côte d'ivoire, democratic republic of the congo,
republic of the congo, republic of ireland, northern ireland, people's republic of china, republic of korea, russian federation,
slovak republic, syrian arab republic, lao people's democratic republic, holy see, vatican city, western sahara, puerto rico, guam,
american samoa, northern mariana islands, virgin islands, us virgin islands, british virgin islands, faroe islands, faeroe islands, aruba,
curacao, bermuda, cayman islands, gibraltar, new caledonia, french polynesia, french guiana, guadeloupe, martinique, reunion, mayotte,
anguilla, montserrat, turks and caicos islands, falkland islands, isle of man, jersey, guernsey, cook islands, niue, tokelau, pitcairn,
wallis and futuna, saint helena, saint pierre and miquelon, svalbard, norfolk island, christmas island, cocos islands, bouvet island,
heard island and mcdonald islands, south georgia, british indian ocean territory, french southern territories, saint barthelemy,
saint martin, sint maarten, bonaire, macao, hong kong sar, trinidad and tobago, bosnia and herzegovina, st kitts and nevis, st lucia,
st vincent and the grenadines, netherlands antilles, libyan arab jamahiriya, democratic people's republic of korea
`);
