// Name and address parts for synthetic patients. Combinations are random: any resemblance to a
// real person is coincidence, and phone numbers and email domains are reserved for fiction.

export const FEMALE_FIRST_NAMES = [
  'Olivia', 'Emma', 'Sophia', 'Isabella', 'Mia', 'Amelia', 'Harper', 'Evelyn', 'Abigail', 'Emily',
  'Aaliyah', 'Zara', 'Priya', 'Ananya', 'Mei', 'Yuki', 'Hana', 'Fatima', 'Amina', 'Leila',
  'Camila', 'Valentina', 'Lucia', 'Maria', 'Rosa', 'Chloe', 'Grace', 'Nora', 'Ruth', 'Margaret',
  'Dorothy', 'Helen', 'Linda', 'Patricia', 'Susan', 'Keisha', 'Imani', 'Ngozi', 'Ingrid', 'Sofia',
] as const;

export const MALE_FIRST_NAMES = [
  'Liam', 'Noah', 'Oliver', 'Elijah', 'James', 'William', 'Benjamin', 'Lucas', 'Henry', 'Theodore',
  'Mateo', 'Santiago', 'Diego', 'Carlos', 'Jose', 'Arjun', 'Rohan', 'Vikram', 'Wei', 'Hiroshi',
  'Minh', 'Omar', 'Yusuf', 'Ibrahim', 'Kwame', 'Chidi', 'Malik', 'Darnell', 'Andre', 'Marcus',
  'Robert', 'Richard', 'Thomas', 'George', 'Frank', 'Walter', 'Lars', 'Mikhail', 'Patrick', 'Sean',
] as const;

export const NEUTRAL_FIRST_NAMES = [
  'Alex', 'Jordan', 'Taylor', 'Casey', 'Riley', 'Morgan', 'Avery', 'Quinn', 'Rowan', 'Sam', 'Jamie', 'Skyler',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee',
  'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King',
  'Nguyen', 'Tran', 'Kim', 'Park', 'Chen', 'Wang', 'Li', 'Patel', 'Shah', 'Singh',
  'Kumar', 'Okafor', 'Adeyemi', 'Mensah', 'Diallo', 'Haddad', 'Khan', 'Rahman', 'Cohen', 'Levi',
  "O'Brien", 'Murphy', 'Sullivan', 'Kowalski', 'Novak', 'Ivanova', 'Rossi', 'Bianchi', 'Schmidt', 'Larsen',
] as const;

export const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Elm', 'Willow', 'Birch', 'Chestnut', 'Spruce', 'Linden', 'Hawthorn',
  'Harbor', 'Meadow', 'Orchard', 'Ridge', 'Lake', 'River', 'Hillside', 'Park', 'Mill', 'Church',
] as const;

export const STREET_SUFFIXES = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Way', 'Terrace'] as const;

// The clinic's fictional catchment: town names common enough to point nowhere in particular.
export const TOWNS = [
  ['Fairview', '01840'],
  ['Riverton', '01852'],
  ['Lakeside', '01867'],
  ['Greenfield', '01876'],
  ['Milford Heights', '01881'],
  ['Oakridge', '01890'],
] as const;

export const STATE = 'MA';

export const AREA_CODES = ['617', '781', '857', '978'] as const;

export const EMAIL_DOMAINS = ['example.org', 'example.com', 'example.net'] as const;

export const ADULT_EMERGENCY_RELATIONSHIPS = ['Spouse', 'Partner', 'Parent', 'Sibling', 'Adult child', 'Friend'] as const;

export const MINOR_EMERGENCY_RELATIONSHIPS = ['Mother', 'Father', 'Guardian'] as const;
