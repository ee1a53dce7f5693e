// Names for the scale seed's million synthetic patients. What matters here is the shape of a real
// register, not any real person: a few very common last names, a long tail of rare ones, double
// names, accents and apostrophes, names that contain other names (Smith, Goldsmith, Smithson).
// Lists are in rough order of frequency: the seed draws them with Zipf-like weights by rank.

/** Common last names, the most frequent first. */
export const COMMON_LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'García', 'Miller', 'Davis', 'Rodríguez', 'Martínez',
  'Hernández', 'López', 'González', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Pérez', 'Thompson', 'White', 'Harris', 'Sánchez', 'Clark', 'Ramírez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
  'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
  'Gómez', 'Phillips', 'Evans', 'Turner', 'Díaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes',
  'Stewart', 'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutiérrez', 'Ortiz', 'Morgan', 'Cooper',
  'Peterson', 'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson',
  'Watson', 'Brooks', 'Chávez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes',
  'Price', 'Álvarez', 'Castillo', 'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jiménez',
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schröder', 'Köhler', 'Weiß', 'Krüger', 'Lefèvre', 'Dubois', 'Moreau', 'Fournier', 'Girard', 'Bonnet',
  'Côté', 'Bouchard', 'Gagné', 'Lévesque', 'Bélanger', 'Gauthier', 'Rossi', 'Russo', 'Ferrari', 'Esposito',
  'Bianchi', 'Romano', 'Colombo', 'Ricci', 'De Luca', 'Costa', 'Silva', 'Santos', 'Oliveira', 'Souza',
  'Pereira', 'Ferreira', 'Gonçalves', 'Araújo', 'Ribeiro', 'Tanaka', 'Suzuki', 'Takahashi', 'Watanabe', 'Itō',
  'Yamamoto', 'Nakamura', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Chen', 'Wang',
  'Li', 'Zhang', 'Liu', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun',
  'Tran', 'Lê', 'Phạm', 'Hoàng', 'Shah', 'Singh', 'Kumar', 'Sharma', 'Gupta', 'Reddy',
  'Iyer', 'Nair', 'Chatterjee', 'Khan', 'Ahmed', 'Ali', 'Hussain', 'Rahman', 'Hassan', 'Haddad',
  'Khoury', 'Nasser', 'Okafor', 'Okonkwo', 'Adeyemi', 'Mensah', 'Owusu', 'Diallo', 'Traoré', 'Ndiaye',
  'Cohen', 'Levi', 'Friedman', 'Goldberg', 'Katz', "O'Brien", "O'Connor", "O'Neill", 'McDonald', 'MacLeod',
  'Sullivan', 'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Łukasik', 'Dvořák', 'Novák', 'Horváth', 'Nagy',
  'Kovács', 'Szabó', 'Popescu', 'Ionescu', 'Ivanova', 'Petrov', 'Smirnov', 'Yılmaz', 'Şahin', 'Öztürk',
  'Papadopoulos', 'Larsen', 'Nielsen', 'Hansen', 'Jørgensen', 'Andersson', 'Johansson', 'Lindqvist', 'Åberg', 'Virtanen',
  'Mäkinen', 'Van der Berg', 'De Jong', 'Janssen', 'Goldsmith', 'Smithson', 'Johnston', 'Richards', 'Fontaine', 'Mercier',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Maria', 'Olivia', 'Emma', 'Sophia', 'Isabella', 'Mia', 'Charlotte', 'Amelia', 'Ava', 'Harper',
  'Evelyn', 'Abigail', 'Emily', 'Elizabeth', 'Sofía', 'Camila', 'Ella', 'Grace', 'Chloé', 'Victoria',
  'Zoë', 'Hélène', 'Anna', 'Margaret', 'Patricia', 'Linda', 'Barbara', 'Susan', 'Jessica', 'Sarah',
  'Karen', 'Nancy', 'Lisa', 'Betty', 'Dorothy', 'Sandra', 'Ashley', 'Kimberly', 'Donna', 'Michelle',
  'Mei', 'Yuki', 'Hana', 'Priya', 'Ananya', 'Fatima', 'Aisha', 'Amina', 'Leila', 'Noor',
  'Lucía', 'Valentina', 'Ximena', 'Guadalupe', 'Inés', 'Renée', 'Françoise', 'Anaïs', 'Maëlle', 'Ingrid',
  'Åsa', 'Björk', 'Sigríður', 'Małgorzata', 'Zuzana', 'Ngozi', 'Adaeze', 'Imani', 'Keisha', 'Siobhán',
  'Joanna', 'Johanna', 'Joan', 'Josephine', 'Rosa', 'Ruth', 'Nora', 'Helena', 'Eleanor', 'Thi',
] as const;

export const MALE_FIRST_NAMES = [
  'James', 'John', 'Robert', 'Michael', 'William', 'David', 'José', 'Richard', 'Joseph', 'Thomas',
  'Charles', 'Christopher', 'Daniel', 'Matthew', 'Anthony', 'Mark', 'Donald', 'Steven', 'Paul', 'Andrew',
  'Joshua', 'Kenneth', 'Kevin', 'Brian', 'George', 'Timothy', 'Ronald', 'Edward', 'Jason', 'Jeffrey',
  'Liam', 'Noah', 'Oliver', 'Elijah', 'Lucas', 'Mateo', 'Santiago', 'Diego', 'Carlos', 'Luis',
  'Juan', 'Jesús', 'Ángel', 'André', 'François', 'Jérôme', 'Benoît', 'Jean-Luc', 'Jean-Pierre', 'Søren',
  'Björn', 'Jürgen', 'Łukasz', 'Wojciech', 'Tomáš', 'Arjun', 'Rohan', 'Vikram', 'Wei', 'Hiroshi',
  'Minh', 'Omar', 'Yusuf', 'Ibrahim', 'Mohammed', 'Kwame', 'Chidi', 'Oluwaseun', 'Malik', 'Darnell',
  'Seán', 'Pádraig', 'Johan', 'Jonathan', 'Johnny', 'Jon', 'Joel', 'Jorge', 'Joaquín', 'Zbigniew',
] as const;

export const NEUTRAL_FIRST_NAMES = [
  'Alex', 'Jordan', 'Taylor', 'Casey', 'Riley', 'Morgan', 'Avery', 'Quinn', 'Rowan', 'Sam',
  'Jamie', 'Skyler', 'Ariel', 'Noa', 'Sasha', 'Kai', 'Robin', 'Eden', 'Rene', 'Jo',
] as const;

// Rare last names are built from these parts: about 40,000 combinations, each shared by a handful
// of patients, as the long tail of a real register is.
export const RARE_NAME_ONSETS = [
  'Ab', 'Bal', 'Bre', 'Cas', 'Dal', 'Dro', 'El', 'Fen', 'Gar', 'Gro', 'Hal', 'Hev', 'Isk', 'Jor', 'Kal', 'Kve', 'Lor', 'Mar', 'Nal', 'Nys',
  'Ol', 'Pen', 'Quar', 'Ros', 'Sab', 'Stra', 'Tal', 'Tre', 'Ul', 'Val', 'Ven', 'Wal', 'Xan', 'Yar', 'Zel', 'Zo', 'Ør', 'Ész', 'Çal', 'Ñu',
] as const;

export const RARE_NAME_MIDDLES = [
  '', 'a', 'e', 'i', 'o', 'u', 'ba', 'de', 'ki', 'lo', 'mu', 'na', 're', 'si', 'to', 'vi', 'za', 'ber', 'dor', 'gan',
  'hol', 'kov', 'len', 'mir', 'nov',
] as const;

export const RARE_NAME_ENDINGS = [
  'ak', 'an', 'ard', 'berg', 'by', 'cz', 'dal', 'ek', 'en', 'es', 'ez', 'fors', 'gaard', 'ic', 'ides', 'ik', 'ini', 'is', 'ko', 'ley',
  'lund', 'man', 'mann', 'nen', 'ny', 'os', 'ou', 'ov', 'quist', 'rud', 'sen', 'ski', 'son', 'stad', 'ti', 'ton', 'uk', 'vić', 'well', 'yk',
] as const;

export const SCALE_STREETS = ['Maple', 'Oak', 'Cedar', 'Elm', 'Willow', 'Birch', 'Harbor', 'Meadow', 'Orchard', 'Ridge', 'Lake', 'River', 'Mill', 'Church'] as const;
export const SCALE_STREET_SUFFIXES = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Way'] as const;
export const SCALE_TOWNS = ['Fairview, MA 01840', 'Riverton, MA 01852', 'Lakeside, MA 01867', 'Greenfield, MA 01876', 'Milford Heights, MA 01881', 'Oakridge, MA 01890'] as const;
export const SCALE_RELATIONSHIPS = ['Spouse', 'Partner', 'Parent', 'Sibling', 'Adult child', 'Friend'] as const;
