// Where on the body, as patients say it. Each site belongs to a region, and the region names a
// local symptom: pain in the head is a headache, pain in the belly abdominal pain, a blocked ear
// ear fullness but a blocked nose nasal congestion.

export type Region =
  | 'head' | 'face' | 'eye' | 'ear' | 'nose' | 'throat' | 'mouth' | 'tooth' | 'jaw' | 'neck'
  | 'shoulder' | 'arm' | 'elbow' | 'wrist' | 'hand' | 'finger' | 'chest' | 'breast' | 'back' | 'lower back'
  | 'abdomen' | 'lower abdomen' | 'flank' | 'pelvis' | 'bladder' | 'vagina' | 'genitals' | 'groin' | 'hip' | 'buttock'
  | 'leg' | 'knee' | 'ankle' | 'foot' | 'toe' | 'skin' | 'joint' | 'muscle' | 'wound' | 'whole body';

export interface BodySite {
  /** As charted: "Knee", "Lower back". */
  name: string;
  plural: string;
  region: Region;
}

interface SiteEntry {
  site: BodySite;
  phrases: readonly string[];
}

const entry = (name: string, region: Region, phrases: readonly string[], plural = `${name}s`): SiteEntry => ({
  site: { name, plural, region },
  phrases,
});

export const BODY_SITES: readonly SiteEntry[] = [
  entry('Head', 'head', ['head', 'side of my head', 'side of the head', 'back of my head', 'back of the head'], 'Head'),
  entry('Forehead', 'head', ['forehead']),
  entry('Temple', 'head', ['temple']),
  entry('Face', 'face', ['face', 'cheek', 'cheekbone', 'under my eyes', 'under the eyes', 'behind my eyes'], 'Face'),
  entry('Sinuses', 'face', ['sinus', 'sinuses', 'maxillary sinus', 'maxillary sinuses'], 'Sinuses'),
  entry('Eye', 'eye', ['eye', 'eyelid', 'eyeball']),
  entry('Ear', 'ear', ['ear', 'eardrum', 'ear canal']),
  entry('Nose', 'nose', ['nose', 'nostril', 'nasal passages'], 'Nose'),
  entry('Throat', 'throat', ['throat', 'tonsil', 'back of my throat'], 'Throat'),
  entry('Mouth', 'mouth', ['mouth', 'tongue', 'gums', 'lip'], 'Mouth'),
  entry('Tooth', 'tooth', ['tooth', 'teeth', 'molar'], 'Teeth'),
  entry('Jaw', 'jaw', ['jaw']),
  entry('Neck', 'neck', ['neck']),
  entry('Shoulder', 'shoulder', ['shoulder', 'shoulder blade']),
  entry('Arm', 'arm', ['arm', 'upper arm', 'forearm']),
  entry('Elbow', 'elbow', ['elbow', 'elbow crease', 'inside of my elbows', 'inside of my elbow', 'inner elbow']),
  entry('Wrist', 'wrist', ['wrist']),
  entry('Hand', 'hand', ['hand', 'palm']),
  entry('Finger', 'finger', ['finger', 'thumb', 'fingertip', 'knuckle']),
  entry('Chest', 'chest', ['chest', 'rib', 'ribs', 'breastbone', 'sternum', 'side of my chest', 'side of the chest'], 'Chest'),
  entry('Breast', 'breast', ['breast', 'nipple']),
  entry('Back', 'back', ['back', 'upper back', 'spine', 'middle of my back'], 'Back'),
  entry('Lower back', 'lower back', ['lower back', 'low back', 'lumbar', 'lumbar spine', 'small of my back', 'tailbone'], 'Lower back'),
  entry('Abdomen', 'abdomen', ['abdomen', 'abdominal', 'belly', 'stomach', 'tummy', 'upper abdomen', 'epigastrium', 'epigastric', 'belly button', 'navel'], 'Abdomen'),
  entry('Lower abdomen', 'lower abdomen', ['lower abdomen', 'lower belly', 'lower stomach', 'suprapubic', 'pelvic area'], 'Lower abdomen'),
  entry('Flank', 'flank', ['flank', 'kidney area', 'side of my back', 'side of the back', 'loin']),
  entry('Pelvis', 'pelvis', ['pelvis', 'pelvic'], 'Pelvis'),
  entry('Bladder', 'bladder', ['bladder']),
  entry('Vagina', 'vagina', ['vagina', 'vaginal', 'vulva', 'vulval', 'vulvar'], 'Vagina'),
  entry('Genitals', 'genitals', ['genitals', 'genital', 'down there', 'private area', 'private parts', 'penis', 'testicle', 'scrotum'], 'Genitals'),
  entry('Groin', 'groin', ['groin']),
  entry('Hip', 'hip', ['hip']),
  entry('Buttock', 'buttock', ['buttock', 'bottom', 'backside']),
  entry('Leg', 'leg', ['leg', 'thigh', 'lower leg']),
  entry('Shin', 'leg', ['shin']),
  entry('Calf', 'leg', ['calf', 'calves'], 'Calves'),
  entry('Knee', 'knee', ['knee', 'kneecap', 'behind my knees', 'behind my knee', 'back of my knee', 'back of my knees', 'knee crease']),
  entry('Ankle', 'ankle', ['ankle']),
  entry('Foot', 'foot', ['foot', 'feet', 'heel', 'sole', 'arch of my foot'], 'Feet'),
  entry('Big toe', 'toe', ['big toe', 'great toe']),
  entry('Toe', 'toe', ['toe']),
  entry('Skin', 'skin', ['skin'], 'Skin'),
  entry('Joints', 'joint', ['joint'], 'Joints'),
  entry('Muscles', 'muscle', ['muscle'], 'Muscles'),
  entry('Wound', 'wound', ['wound', 'cut', 'scrape', 'graze', 'incision', 'scratch on']),
  entry('Generalized', 'whole body', ['all over', 'whole body', 'everywhere', 'everything', 'all over my body'], 'Generalized'),
];

export const LATERALITY: Record<string, string> = {
  left: 'Left',
  right: 'Right',
  both: 'Both',
  bilateral: 'Both',
  each: 'Both',
};
