import type { Region } from './body-sites.js';

// The symptoms patients report, by the names a clinician charts, with the words patients use for
// them. A phrase may carry a note ("felt hot" is a fever, subjective). "*" stands for up to three
// words that are not a negation. Written from general clinical usage, not from the evaluation
// transcripts: see the README.

export type Phrase = string | readonly [phrase: string, note: string];

export interface SymptomEntry {
  name: string;
  phrases: readonly Phrase[];
  /** The body site the name implies ("Sore throat": Throat), or none. */
  site?: string;
  /** Takes a body site said nearby ("rash on my arms"). */
  local?: boolean;
  /** The general symptom this one narrows: a chart with "Dry cough" does not also list "Cough". */
  narrows?: string;
  /** The name when said with exertion ("short of breath on the stairs"). */
  onExertion?: string;
}

export const SYMPTOMS: readonly SymptomEntry[] = [
  { name: 'Fever', phrases: ['fever', 'febrile', 'feverish', 'high temperature', 'a temperature', 'running a temperature', 'pyrexia', ['felt hot', 'subjective'], ['feeling hot', 'subjective'], ['feel hot', 'subjective'], ['low grade fever', 'low-grade'], ['low fever', 'low-grade'], ['slight fever', 'low-grade'], ['mild fever', 'low-grade']] },
  { name: 'Chills', phrases: ['chill', 'chills', 'shivering', 'shiver', 'rigors', 'shaking chills'] },
  { name: 'Night sweats', phrases: ['night sweats', 'sweats at night', 'sweating at night', 'sweat at night', 'sweaty at night', 'drenching sweats'] },
  { name: 'Sweating', phrases: ['sweating', 'sweaty', 'sweats', 'diaphoresis', 'diaphoretic', 'clammy'] },
  { name: 'Fatigue', phrases: ['fatigue', 'fatigued', 'tired', 'tiredness', 'exhausted', 'exhaustion', 'worn out', 'no energy', 'low energy', 'lack of energy', 'lethargic', 'lethargy', 'run down', 'weary', 'wiped out', 'drained'] },
  { name: 'Daytime sleepiness', narrows: 'Fatigue', phrases: ['daytime sleepiness', 'sleepy during the day', 'tired during the day', 'daytime fatigue', 'daytime tiredness', 'drowsy during the day', 'falling asleep during the day'] },
  { name: 'Weight loss', phrases: ['weight loss', 'lost weight', 'losing weight', 'lost * kilo', 'lost * kilogram', 'lost * kg', 'lost * pound', 'lost * lb', 'lost * weight', 'dropped * pound', 'dropped * weight'] },
  { name: 'Weight gain', phrases: ['weight gain', 'gained weight', 'gaining weight', 'put on weight', 'gained * pound', 'gained * kilo'] },
  { name: 'Decreased appetite', phrases: ['poor appetite', 'loss of appetite', 'lost my appetite', 'decreased appetite', 'reduced appetite', 'low appetite', 'no appetite', 'not hungry', 'not * hungry', 'eating less', 'eating * less', 'off food', 'off * food', 'not eating much', 'not eating well', 'not feeding well', 'feeding poorly', 'anorexia'] },
  { name: 'Increased thirst', phrases: ['thirsty', 'increased thirst', 'excessive thirst', 'polydipsia'] },
  { name: 'Dizziness', phrases: ['dizzy', 'dizziness', 'vertigo', 'room spinning', 'spinning sensation', 'giddy'] },
  { name: 'Lightheadedness', phrases: ['lightheaded', 'light headed', 'lightheadedness', 'feel faint', 'felt faint', 'feeling faint', 'woozy', 'presyncope'] },
  { name: 'Fainting', phrases: ['fainted', 'fainting', 'passed out', 'pass out', 'blacked out', 'black out', 'syncope', 'lost consciousness'] },
  { name: 'Unsteadiness', phrases: ['unsteady', 'unsteadiness', 'off balance', 'wobbly', 'loss of balance', 'balance problem', 'poor balance'] },
  { name: 'Falls', phrases: ['fall', 'fell', 'falling over', 'fell over'] },
  { name: 'Confusion', phrases: ['confused', 'confusion', 'disoriented', 'disorientation', 'muddled', 'not herself', 'not himself', 'not myself'] },
  { name: 'Memory problems', phrases: ['forgetful', 'forgetfulness', 'memory loss', 'memory problem', 'forgetting things', 'poor memory', 'lose things', 'losing things', 'misplace things'] },
  { name: 'Headache', site: 'Head', phrases: ['headache', 'head ache', 'head hurts', 'head pain', 'tension headache', 'cephalgia'] },
  { name: 'Sore throat', site: 'Throat', phrases: ['sore throat', 'throat pain', 'throat hurts', 'scratchy throat', 'scratchy'] },
  { name: 'Painful swallowing', site: 'Throat', phrases: ['painful swallowing', 'pain when swallowing', 'pain on swallowing', 'pain with swallowing', 'hurts to swallow', 'hurt to swallow', 'hurts when i swallow', 'painful to swallow', 'swallowing hurts', 'odynophagia'] },
  { name: 'Difficulty swallowing', phrases: ['difficulty swallowing', 'trouble swallowing', 'hard to swallow', 'dysphagia', 'food getting stuck', 'food gets stuck', 'food sticking'] },
  { name: 'Hoarseness', phrases: ['hoarse', 'hoarseness', 'lost my voice', 'losing my voice'] },
  { name: 'Cough', site: 'Chest', phrases: ['cough', 'coughing'] },
  { name: 'Dry cough', site: 'Chest', narrows: 'Cough', phrases: ['dry cough', 'hacking cough', 'tickly cough', 'nonproductive cough', 'non productive cough'] },
  { name: 'Productive cough', site: 'Chest', narrows: 'Cough', phrases: ['productive cough', 'wet cough', 'chesty cough', 'coughing up phlegm', 'coughing up * phlegm', 'coughing up mucus', 'coughing up * mucus', 'coughing up sputum', 'cough up * phlegm', 'bringing up * phlegm', 'bringing up * mucus', 'bringing up * stuff', 'coughing up * stuff', 'cough with phlegm', 'cough with sputum', 'phlegm', 'sputum'] },
  { name: 'Morning cough', site: 'Chest', narrows: 'Cough', phrases: ['morning cough', 'cough in the morning', 'coughing in the morning', 'cough every morning', 'coughing every morning', "smoker's cough"] },
  { name: 'Night-time cough', site: 'Chest', narrows: 'Cough', phrases: ['night time cough', 'nighttime cough', 'night cough', 'nocturnal cough', 'cough at night', 'coughing at night'] },
  { name: 'Barking cough', site: 'Chest', narrows: 'Cough', phrases: ['barking cough', 'barky cough', 'barking', 'croupy cough'] },
  { name: 'Stridor', site: 'Throat', phrases: ['stridor', 'noisy breathing'] },
  { name: 'Coughing up blood', phrases: ['coughing up blood', 'cough up blood', 'coughed up blood', 'blood in my phlegm', 'blood in my sputum', 'hemoptysis', 'haemoptysis', 'bloody sputum'] },
  { name: 'Shortness of breath', onExertion: 'Shortness of breath on exertion', phrases: ['short of breath', 'shortness of breath', 'breathless', 'breathlessness', 'out of breath', 'winded', 'trouble breathing', 'difficulty breathing', 'difficult to breathe', 'hard to breathe', "can't breathe", 'cannot breathe', "couldn't breathe", "can't catch my breath", 'struggling to breathe', 'dyspnea', 'dyspnoea'] },
  { name: 'Shortness of breath on exertion', narrows: 'Shortness of breath', phrases: ['short of breath on exertion', 'dyspnea on exertion', 'dyspnoea on exertion', 'exertional dyspnea', 'breathless on exertion', 'short of breath with exertion'] },
  { name: 'Wheezing', site: 'Chest', phrases: ['wheeze', 'wheezing', 'wheezy', 'whistling in my chest', 'whistling when i breathe'] },
  { name: 'Chest tightness', site: 'Chest', phrases: ['chest tightness', 'tight chest', 'tightness in my chest', 'tightness in the chest', 'chest * tight'] },
  { name: 'Palpitations', site: 'Chest', phrases: ['palpitations', 'palpitation', 'heart racing', 'racing heart', 'heart * racing', 'heart pounding', 'heart * pounding', 'pounding heart', 'fluttering', 'flutter', 'heart * fluttering', 'skipped beat', 'skipping beats', 'heart skipping', 'heart * skipping', 'irregular heartbeat', 'heart * irregular'] },
  { name: 'Orthopnea', phrases: ['orthopnea', 'orthopnoea', "can't lie flat", 'short of breath lying down', 'breathless lying flat', 'pillows to sleep', 'sleep propped up', 'sleeping propped up', 'sleep sitting up'] },
  { name: 'Nausea', phrases: ['nausea', 'nauseous', 'nauseated', 'queasy', 'sick to my stomach', 'sick to his stomach', 'sick to her stomach', 'sick to your stomach'] },
  { name: 'Vomiting', phrases: ['vomiting', 'vomit', 'vomited', 'throwing up', 'threw up', 'throw up', 'being sick', 'was sick', 'been sick', 'emesis', 'puking', 'retching'] },
  { name: 'Vomiting blood', narrows: 'Vomiting', phrases: ['vomiting blood', 'throwing up blood', 'threw up blood', 'hematemesis', 'haematemesis', 'blood in my vomit', 'blood in the vomit'] },
  { name: 'Diarrhea', phrases: ['diarrhea', 'diarrhoea', 'loose stool', 'watery stool', 'runny stool', 'the runs', 'loose bowel movements'] },
  { name: 'Constipation', phrases: ['constipation', 'constipated', 'hard stool', 'straining to go'] },
  { name: 'Abdominal pain', site: 'Abdomen', phrases: ['stomach ache', 'stomachache', 'tummy ache', 'belly ache', 'bellyache', 'abdominal pain'] },
  { name: 'Abdominal cramping', site: 'Abdomen', local: true, phrases: ['cramping', 'cramp', 'crampy', 'stomach cramp', 'abdominal cramp', 'belly cramp', 'stomach cramping', 'abdominal cramping'] },
  { name: 'Muscle cramps', phrases: ['leg cramp', 'calf cramp', 'muscle cramp', 'charley horse'] },
  { name: 'Bloating', phrases: ['bloating', 'bloated', 'gassy', 'distension', 'distended'] },
  { name: 'Heartburn', phrases: ['heartburn', 'heart burn', 'burning in my chest', 'burning * chest', 'pyrosis'] },
  { name: 'Indigestion', phrases: ['indigestion', 'dyspepsia', 'upset stomach'] },
  { name: 'Regurgitation', phrases: ['regurgitation', 'regurgitate', 'food comes up', 'food coming up', 'acid comes up', 'acid coming up', 'food * come up', 'acid * come up', 'food * comes up', 'bringing food back up'] },
  { name: 'Sour taste in mouth', phrases: ['sour taste', 'bitter taste', 'acid taste', 'acidic taste', 'bad taste in my mouth', 'water brash'] },
  { name: 'Blood in stool', phrases: ['blood in stool', 'blood in the stool', 'blood in my stool', 'bloody stool', 'rectal bleeding', 'black stool', 'tarry stool', 'melena', 'melaena'] },
  { name: 'Jaundice', phrases: ['jaundice', 'jaundiced', 'yellow skin', 'skin * yellow', 'yellowing of my skin', 'yellow eyes'] },
  { name: 'Painful urination', site: 'Bladder', phrases: ['painful urination', 'pain when urinating', 'pain when i pee', 'pain with urination', 'burning when i pee', 'burning when i urinate', 'burning with urination', 'burning on urination', 'burns when i pee', 'burns when i urinate', 'stings when i pee', 'stinging when i pee', 'stings * when i pee', 'burns * when i pee', 'hurts when i pee', 'hurts to pee', 'dysuria'] },
  { name: 'Urinary frequency', site: 'Bladder', phrases: ['urinary frequency', 'frequent urination', 'urinating frequently', 'peeing a lot', 'peeing more', 'pee a lot', 'peeing all the time', 'pee all the time', 'going to the bathroom a lot', 'going to the toilet a lot'] },
  { name: 'Urinary urgency', site: 'Bladder', phrases: ['urinary urgency', 'urgency', 'urge to pee', 'urge to urinate', 'rushing to the toilet', 'rushing to the bathroom'] },
  { name: 'Nocturia', site: 'Bladder', phrases: ['nocturia', 'up at night to pee', 'getting up at night to pee', 'wake up to pee', 'waking up to pee', 'night to pee', 'night to urinate', 'pee at night', 'urinate at night', 'peeing at night'] },
  { name: 'Dark urine', phrases: ['dark urine', 'urine * dark', 'cola colored urine', 'tea colored urine'] },
  { name: 'Blood in urine', phrases: ['blood in urine', 'blood in the urine', 'blood in my urine', 'bloody urine', 'hematuria', 'haematuria', 'pink urine', 'red urine', 'urine * pink'] },
  { name: 'Weak urinary stream', phrases: ['weak stream', 'weak urine stream', 'weak urinary stream', 'poor stream', 'slow stream', 'stream * weak', 'weak flow', 'poor flow'] },
  { name: 'Urinary hesitancy', phrases: ['urinary hesitancy', 'hesitancy', 'trouble starting', 'difficulty starting', 'wait * to start', 'hard to get started'] },
  { name: 'Incomplete bladder emptying', phrases: ['incomplete emptying', 'incomplete bladder emptying', 'not emptying', "haven't emptied", 'not emptied', "don't empty", 'not * empty', 'still need to go'] },
  { name: 'Post-void dribbling', phrases: ['dribbling', 'dribble', 'terminal dribbling', 'after dribble', 'dribbling at the end'] },
  { name: 'Urinary incontinence', phrases: ['urinary incontinence', 'incontinence', 'leaking urine', 'wetting myself', 'wet myself', 'leak urine'] },
  { name: 'Vaginal bleeding', phrases: ['vaginal bleeding', 'spotting', 'bleeding between periods'] },
  { name: 'Heavy periods', phrases: ['heavy periods', 'heavy period', 'heavy bleeding', 'menorrhagia'] },
  { name: 'Painful periods', phrases: ['painful periods', 'period pain', 'period cramps', 'dysmenorrhea', 'dysmenorrhoea'] },
  { name: 'Missed period', phrases: ['missed period', 'missed my period', 'late period', 'period is late'] },
  { name: 'Hot flashes', phrases: ['hot flashes', 'hot flash', 'hot flushes', 'hot flush'] },
  { name: 'Erectile dysfunction', phrases: ['erectile dysfunction', 'trouble getting an erection', "can't get an erection", 'impotence'] },
  { name: 'Joint pain', site: 'Joints', phrases: ['joint pain', 'arthralgia', 'achy joints', 'joints hurt', 'joints ache'] },
  { name: 'Body aches', site: 'Generalized', phrases: ['body aches', 'body ache', 'aches and pains', 'aching all over', 'achy all over', 'whole body aches', 'been achy', 'feel achy', 'feeling achy', 'felt achy', 'achy and'] },
  { name: 'Muscle aches', site: 'Muscles', phrases: ['muscle aches', 'muscle ache', 'muscles ache', 'myalgia', 'sore muscles', 'aching muscles'] },
  { name: 'Muscle spasm', local: true, phrases: ['spasm', 'muscle spasm', 'spasms'] },
  { name: 'Muscle tension', local: true, phrases: ['muscle tension', 'tension', 'tense', 'tight muscles', 'muscles * tight'] },
  { name: 'Morning stiffness', local: true, narrows: 'Stiffness', phrases: ['morning stiffness', 'stiff in the morning', 'stiffness in the morning', 'stiff when i wake up', 'stiff first thing'] },
  { name: 'Limping', phrases: ['limp', 'limping', "can't bear weight", "can't put weight on"] },
  { name: 'Clicking', local: true, phrases: ['clicking', 'click', 'clicks', 'popping', 'grinding', 'crunching', 'crepitus'] },
  { name: 'Locking', local: true, phrases: ['locking', 'lock', 'locks up', 'locked up'] },
  { name: 'Giving way', local: true, phrases: ['gives way', 'giving way', 'gave way', 'given way', 'buckles', 'buckling'] },
  { name: 'Tremor', phrases: ['tremor', 'shaky', 'shaking hands', 'trembling', 'tremble'] },
  { name: 'Seizure', phrases: ['seizure', 'convulsion', 'fit'] },
  { name: 'Blurred vision', site: 'Eye', phrases: ['blurred vision', 'blurry vision', 'vision * blurry', 'blurry', 'blurriness', "can't see clearly"] },
  { name: 'Double vision', site: 'Eye', phrases: ['double vision', 'seeing double', 'diplopia'] },
  { name: 'Visual aura', site: 'Eye', phrases: ['aura', 'zigzag lines', 'zigzag lights', 'zig zag lines', 'zig zag lights', 'flashing lights', 'flashes of light', 'shimmering lights', 'shimmering', 'sparkles in my vision', 'blind spot'] },
  { name: 'Light sensitivity', site: 'Eye', phrases: ['light sensitivity', 'sensitive to light', 'sensitivity to light', 'photophobia', 'light bothers me', 'light * bothers me', 'light * bother me', 'light hurts my eyes', 'bright light * hurts'] },
  { name: 'Itchy eyes', site: 'Eye', phrases: ['itchy eyes', 'itchy watery eyes', 'eyes * itchy', 'itchy eye', 'eyes itch'] },
  { name: 'Watery eyes', site: 'Eye', phrases: ['watery eyes', 'watery eye', 'eyes watering', 'eye watering', 'watering eyes', 'teary eyes', 'tearing', 'watery'] },
  { name: 'Gritty sensation in eye', site: 'Eye', phrases: ['gritty', 'grittiness', 'sandy', 'like sand', 'something in my eye', 'foreign body sensation'] },
  { name: 'Eye redness', site: 'Eye', phrases: ['bloodshot', 'pink eye', 'red eye', 'red eyes', 'eye redness'] },
  { name: 'Ear pain', site: 'Ear', phrases: ['earache', 'ear ache', 'pulling at * ear', 'tugging at * ear', 'pulling on * ear', 'tugging on * ear'] },
  { name: 'Decreased hearing', site: 'Ear', phrases: ['decreased hearing', 'hearing loss', 'muffled hearing', 'muffled', 'hard of hearing', "can't hear", 'hearing * down', 'hearing * muffled'] },
  { name: 'Ringing in ears', site: 'Ear', phrases: ['tinnitus', 'ringing in my ears', 'ringing in the ears', 'ringing in my ear', 'ears ringing', 'ear ringing', 'buzzing in my ears'] },
  { name: 'Runny nose', site: 'Nose', phrases: ['runny nose', 'running nose', 'nose * running', 'nose running', 'rhinorrhea', 'rhinorrhoea', 'drippy nose', 'dripping nose'] },
  { name: 'Nasal congestion', site: 'Nose', phrases: ['nasal congestion', 'stuffy nose', 'stuffy', 'stuffed up', 'congested', 'congestion', "can't breathe through my nose", 'blocked up nose'] },
  { name: 'Sneezing', site: 'Nose', phrases: ['sneezing', 'sneeze', 'sneezes'] },
  { name: 'Postnasal drip', site: 'Throat', phrases: ['postnasal drip', 'post nasal drip', 'drip down the back of my throat'] },
  { name: 'Facial pain', site: 'Face', phrases: ['facial pain', ['facial pressure', 'pressure'], ['sinus pressure', 'pressure'], 'sinus pain', ['pressure in my face', 'pressure'], ['pressure behind my eyes', 'pressure']] },
  { name: 'Nosebleed', site: 'Nose', phrases: ['nosebleed', 'nose bleed', 'bleeding from my nose', 'epistaxis'] },
  { name: 'Toothache', site: 'Tooth', phrases: ['toothache', 'tooth ache', 'tooth pain', 'dental pain'] },
  { name: 'Mouth sores', site: 'Mouth', phrases: ['mouth sores', 'mouth sore', 'mouth ulcer', 'canker sore', 'ulcers in my mouth', 'spots in my mouth', 'sores in my mouth'] },
  { name: 'Drooling', site: 'Mouth', phrases: ['drooling', 'drool', 'dribbling saliva'] },
  { name: 'Difficulty opening mouth', site: 'Jaw', phrases: ['trismus', "can't open my mouth", 'barely open my mouth', 'hard to open my mouth'] },
  { name: 'Swollen glands', site: 'Neck', phrases: ['swollen glands', 'swollen lymph nodes', 'glands * swollen', 'lumps in my neck'] },
  { name: 'Loss of smell', phrases: ['loss of smell', "can't smell", 'lost my sense of smell'] },
  { name: 'Loss of taste', phrases: ['loss of taste', "can't taste", 'lost my sense of taste'] },
  { name: 'Rash', local: true, phrases: ['rash', 'rashes', 'eruption', 'red patches', 'blotches', 'blotchy'] },
  { name: 'Hives', local: true, phrases: ['hives', 'welts', 'urticaria'] },
  { name: 'Peeling skin', local: true, phrases: ['peeling', 'peel', 'skin peeling', 'skin * peeling', 'shedding skin'] },
  { name: 'Odour', local: true, phrases: ['smells', 'smelly', 'odour', 'odor', 'bad smell', 'foul smell'] },
  { name: 'Nail discoloration', phrases: ['nail discoloration', 'nail discolouration', 'yellow nail', 'yellow toenail', 'thick nail', 'thickened nail', 'nail * yellow', 'toenail * yellow', 'nail * thick', 'toenail * thick'] },
  { name: 'Dry skin', local: true, phrases: ['dry skin', 'skin * dry', 'flaky skin', 'scaly skin', 'dry patches', 'flaking', 'flaky', 'scaly', 'scaling'] },
  { name: 'Blisters', local: true, phrases: ['blister', 'blisters', 'blistering'] },
  { name: 'Oozing', local: true, phrases: ['oozing', 'ooze', 'oozed', 'weeping'] },
  { name: 'Acne', local: true, phrases: ['acne', 'pimples', 'pimple', 'zits', 'spots on my face', 'spots on * face', 'spots on my back', 'breakouts', 'breaking out', 'blackheads', 'whiteheads'] },
  { name: 'Skin discoloration', local: true, phrases: ['dark marks', 'dark spots', 'dark patches', 'discoloration', 'discolouration', 'hyperpigmentation'] },
  { name: 'Bruising', local: true, phrases: ['bruise', 'bruising', 'bruised', 'black and blue'] },
  { name: 'Hair loss', phrases: ['hair loss', 'losing hair', 'losing my hair', 'hair falling out', 'hair * falling out', 'thinning hair', 'balding'] },
  { name: 'Sleep disturbed by itching', phrases: ['scratching all night', 'scratching at night', 'itchy at night', 'itching at night', 'itch * at night', 'itching keeps me awake', 'itch keeps me awake'] },
  { name: 'Cold intolerance', phrases: ['cold intolerance', 'cold all the time', 'always cold', 'feel cold', 'feeling cold', 'sensitive to cold', "can't get warm"] },
  { name: 'Heat intolerance', phrases: ['heat intolerance', 'always hot', "can't stand the heat"] },
  { name: 'Low mood', phrases: ['low mood', 'feeling down', 'feel down', 'felt down', 'been down', 'depressed', 'sad', 'sadness', 'feeling low', 'feeling blue', 'down in the dumps', 'hopeless', 'hopelessness'] },
  { name: 'Anhedonia', phrases: ['anhedonia', "don't enjoy anything", "don't enjoy * anything", "don't enjoy", 'lost interest', 'loss of interest', 'no interest in', 'not interested in anything', 'no pleasure', 'nothing is fun'] },
  { name: 'Excessive worry', phrases: ['excessive worry', 'worry', 'worrying', 'worried all the time', 'anxious', 'nervous', 'nervousness', 'on edge'] },
  { name: 'Panic attack', phrases: ['panic attack', 'panic attacks', 'panicky', 'panic'] },
  { name: 'Irritability', phrases: ['irritable', 'irritability', 'cranky', 'short tempered', 'snappy'] },
  { name: 'Crying', phrases: ['crying', 'cry', 'cries', 'crying a lot', 'fussy', 'fussiness', 'inconsolable', 'tearful'] },
  { name: 'Restlessness', phrases: ['restless', 'restlessness', 'agitated', "can't sit still"] },
  { name: 'Restless legs', phrases: ['restless legs', 'leg restlessness', 'legs * restless'] },
  { name: 'Difficulty concentrating', phrases: ['trouble concentrating', 'difficulty concentrating', "can't concentrate", 'cannot concentrate', 'poor concentration', "can't focus", 'trouble focusing', 'brain fog', 'foggy'] },
  { name: 'Racing thoughts', phrases: ['racing thoughts', 'thoughts racing', 'mind racing', 'mind * racing'] },
  { name: 'Suicidal thoughts', phrases: ['suicidal', 'thoughts of harming myself', 'thoughts of hurting myself', 'thoughts of self harm', 'want to die', 'better off dead', 'harming yourself', 'hurting yourself', 'self harm'] },
  { name: 'Difficulty falling asleep', narrows: 'Poor sleep', phrases: ['trouble falling asleep', 'difficulty falling asleep', "can't fall asleep", 'hard to fall asleep', 'trouble getting to sleep', 'trouble getting off to sleep', "can't get to sleep", 'takes * to fall asleep'] },
  { name: 'Difficulty staying asleep', narrows: 'Poor sleep', phrases: ['trouble staying asleep', 'difficulty staying asleep', "can't stay asleep", 'wake up in the night', 'waking up at night', 'wake up at night', 'waking in the night', "can't get back to sleep", "can't go back to sleep", 'lies awake', 'lie awake', 'lying awake', 'sleep maintenance'] },
  { name: 'Early morning awakening', narrows: 'Poor sleep', phrases: ['early morning awakening', 'waking early', 'wake up early', 'waking up too early', 'waking too early'] },
  { name: 'Poor sleep', phrases: ['kept me up', 'keeps me up', 'keeping me up', 'kept me awake', 'keeps me awake', 'poor sleep', 'sleeping badly', 'not sleeping well', 'not sleeping', 'trouble sleeping', 'difficulty sleeping', "can't sleep", 'insomnia', 'bad sleep', 'sleeplessness', 'sleep problems'] },
  { name: 'Snoring', phrases: ['snore', 'snoring'] },
  { name: 'Nightmares', phrases: ['nightmares', 'nightmare', 'vivid dreams', 'bad dreams'] },
];

export type LocalConcept = 'pain' | 'swelling' | 'redness' | 'discharge' | 'itching' | 'blocked' | 'stiffness' | 'warmth' | 'numbness' | 'tingling' | 'weakness' | 'dryness';

export interface ConceptEntry {
  concept: LocalConcept;
  phrases: readonly Phrase[];
  /** Words too common to mean a symptom unless a body site is said with them ("red", "hot"). */
  needsSite?: boolean;
}

/** Words that name a kind of symptom whose name depends on where it is (see localSymptomName). */
export const CONCEPTS: readonly ConceptEntry[] = [
  { concept: 'pain', phrases: ['pain', 'painful', 'hurt', 'hurts', 'hurting', 'sore', 'soreness', 'ache', 'aching', 'achy', 'tender', 'tenderness', 'discomfort', 'killing me', 'twinge', 'agony', 'agonising', 'agonizing', 'excruciating', ['throbbing', 'throbbing'], ['throbs', 'throbbing'], ['throb', 'throbbing'], ['sharp', 'sharp'], ['sharp pain', 'sharp'], ['stabbing', 'stabbing'], ['shooting pain', 'shooting'], ['burning pain', 'burning'], ['dull ache', 'dull'], ['on fire', 'burning']] },
  { concept: 'swelling', phrases: ['swelling', 'swollen', 'swell', 'swelled', 'swells', 'puffy', 'puffiness', 'edema', 'oedema'] },
  { concept: 'redness', needsSite: true, phrases: ['red', 'redness', 'reddened', 'inflamed'] },
  { concept: 'discharge', phrases: ['discharge', 'drainage', 'draining', ['pus', 'purulent'], ['goopy', 'purulent'], ['gunky', 'purulent'], ['gunk', 'purulent'], ['crusty', 'crusting'], ['crusting', 'crusting'], ['stuck shut', 'crusting'], ['green stuff', 'purulent'], ['yellow stuff', 'purulent'], ['green mucus', 'purulent'], ['yellow mucus', 'purulent'], ['green snot', 'purulent'], ['thick mucus', 'purulent']] },
  { concept: 'itching', phrases: ['itch', 'itchy', 'itching', 'itches', 'itchiness', 'pruritus', 'scratching'] },
  { concept: 'blocked', needsSite: true, phrases: ['blocked', 'blocked up', 'plugged', 'plugged up', 'clogged', 'stopped up', 'full', 'fullness'] },
  { concept: 'stiffness', phrases: ['stiff', 'stiffness'] },
  { concept: 'warmth', needsSite: true, phrases: ['warm', 'warmth', 'hot', 'hot to the touch'] },
  { concept: 'numbness', phrases: ['numb', 'numbness', 'loss of feeling'] },
  { concept: 'tingling', phrases: ['tingling', 'tingly', 'tingle', 'pins and needles', 'prickling', 'paresthesia'] },
  { concept: 'weakness', phrases: ['weak', 'weakness'] },
  { concept: 'dryness', needsSite: true, phrases: ['dryness', 'dry'] },
];

/**
 * Phrases that hold a body-site or symptom word without meaning one: "come back", "ear
 * infection" (a diagnosis), "eye drops", "fell asleep". Matched first, so their words are spent.
 */
export const NOT_SYMPTOMS: readonly string[] = [
  'come back', 'comes back', 'came back', 'coming back', 'get back', 'go back', 'back to', 'back in', 'bring * back', 'call back', 'check back', 'back up', 'back on',
  'ear infection', 'chest infection', 'eye infection', 'sinus infection', 'strep throat', 'throat swab', 'throat culture',
  'chest x ray', 'skin test', 'head of the bed', 'on the other hand', 'keep an eye', 'empty stomach',
  'fell asleep', 'fall asleep', 'falling asleep', 'fall back asleep', 'blood pressure', 'heart rate', 'heart attack', 'pain killer', 'pain medicine', 'pain relief',
  'fever reducer', 'red flag', 'red flags', 'full glass', 'full course', 'in full', 'hot water', 'warm water', 'warm compress', 'heat pack', 'cold pack',
  'pressure headache', 'hurt it', 'hurt yourself', 'hurt myself', 'hurt himself', 'hurt herself',
];

const titled = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const PAIN_NAMES: Partial<Record<Region, string>> = {
  head: 'Headache',
  throat: 'Sore throat',
  abdomen: 'Abdominal pain',
  'lower abdomen': 'Lower abdominal pain',
  'lower back': 'Low back pain',
  face: 'Facial pain',
  tooth: 'Toothache',
  pelvis: 'Pelvic pain',
  'whole body': 'Body aches',
  muscle: 'Muscle aches',
  bladder: 'Bladder pain',
  genitals: 'Genital pain',
  vagina: 'Vaginal pain',
};

const ADJECTIVES: Partial<Record<Region, string>> = { face: 'Facial', vagina: 'Vaginal', nose: 'Nasal', genitals: 'Genital', abdomen: 'Abdominal' };

/** The charted name of a local symptom at a region: pain in the knee is "Knee pain". */
export function localSymptomName(concept: LocalConcept, region: Region | null): string | null {
  const place = region && region !== 'whole body' && region !== 'wound' ? (ADJECTIVES[region] ?? titled(region)) : null;
  switch (concept) {
    case 'pain':
      return region ? (PAIN_NAMES[region] ?? (place ? `${place} pain` : 'Pain')) : 'Pain';
    case 'swelling':
      return place ? `${place} swelling` : 'Swelling';
    case 'redness':
      return place ? `${place} redness` : region ? 'Redness' : null;
    case 'discharge':
      if (region === 'wound' || region === 'skin' || region === 'leg' || region === 'foot' || region === 'arm' || region === 'hand') return 'Wound drainage';
      return region === 'nose' || region === 'eye' || region === 'ear' || region === 'vagina' || region === 'genitals' ? `${place} discharge` : 'Discharge';
    case 'itching':
      if (region === 'eye') return 'Itchy eyes';
      return region === 'vagina' || region === 'genitals' ? `${place} itching` : 'Itching';
    case 'blocked':
      return region === 'ear' ? 'Ear fullness' : region === 'nose' || region === 'face' ? 'Nasal congestion' : null;
    case 'stiffness':
      return region === 'neck' ? 'Neck stiffness' : 'Stiffness';
    case 'warmth':
      return region ? 'Warmth' : null;
    case 'numbness':
      return 'Numbness';
    case 'tingling':
      return 'Tingling';
    case 'weakness':
      return 'Weakness';
    case 'dryness':
      if (region === 'eye') return 'Dry eyes';
      if (region === 'mouth' || region === 'throat') return 'Dry mouth';
      if (region === 'vagina' || region === 'genitals') return `${place} dryness`;
      return region ? 'Dry skin' : null;
  }
}
