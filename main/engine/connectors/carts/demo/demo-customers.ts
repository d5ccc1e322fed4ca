import type { Address } from '../../../../../shared/domain.js';

/**
 * Invented demo customers, varied like a real shop's: a first and a last name, a street, a city with
 * its state and ZIP, a phone, and now and then a company or an apartment. Picked from the order's own
 * seeded random numbers, so the same demo order always has the same customer (3,000 orders have well
 * over 1,000 different people; five fixed shoppers made 600 of 3,005 orders the same person).
 * Addresses use real cities with made-up streets; phone numbers are in the 555-01xx range reserved for fiction.
 */

const FIRST_NAMES = [
  'Maria', 'James', 'Aisha', 'Tom', 'Linh', 'Olivia', 'Noah', 'Emma', 'Liam', 'Sofia', 'Mateo', 'Chloe',
  'Ethan', 'Priya', 'Lucas', 'Hannah', 'Diego', 'Grace', 'Omar', 'Mia', 'Daniel', 'Yuki', 'Samuel', 'Zoe',
  'Kwame', 'Isabella', 'Ben', 'Fatima', 'Jack', 'Elena', 'Ravi', 'Lily', 'Carlos', 'Nora', 'Ahmed', 'Ruby',
  'Leo', 'Amara', 'Henry', 'Mei', 'Owen', 'Layla', 'Jonas', 'Camila', 'Felix', 'Ines', 'Marcus', 'Ana',
] as const;

const LAST_NAMES = [
  'Lopez', "O'Neill", 'Khan', 'Becker', 'Nguyen', 'Smith', 'Garcia', 'Johnson', 'Okafor', 'Rossi', 'Kowalski',
  'Tanaka', 'Dubois', 'Patel', 'Brown', 'Martinez', 'Kim', 'Schmidt', 'Silva', 'Cohen', 'Anderson', 'Haddad',
  'Murphy', 'Chen', 'Williams', 'Novak', 'Hernandez', 'Johansson', 'Mensah', 'Taylor', 'Ivanova', 'Moore',
  'Park', 'Fischer', 'Reyes', 'Walsh', 'Singh', 'Clarke', 'Yamamoto', 'Costa', 'Hughes', 'Adeyemi', 'Larsen',
  'Morales', 'Bennett', 'Sato', 'Price', 'Duarte',
] as const;

const STREETS = [
  'Harbor Blvd', 'Elm Street', 'N Michigan Ave', 'Pine Ridge Rd', 'Westheimer Rd', 'Maple Ave', 'Oak Lane',
  'Cedar Court', 'Sunset Dr', 'Lakeview Terrace', 'Main Street', 'Washington Ave', 'Park Place', 'River Rd',
  'Hillcrest Dr', 'Mission St', 'Broadway', 'Willow Way', 'Chestnut St', 'Highland Ave', 'Bay Street',
  'Meadow Lane', 'College Ave', 'Spring Garden St',
] as const;

const CITIES = [
  { city: 'Oxnard', state: 'CA', zip: '93035', area: '805' },
  { city: 'Burlington', state: 'VT', zip: '05401', area: '802' },
  { city: 'Chicago', state: 'IL', zip: '60611', area: '312' },
  { city: 'Boulder', state: 'CO', zip: '80302', area: '303' },
  { city: 'Houston', state: 'TX', zip: '77098', area: '713' },
  { city: 'Portland', state: 'OR', zip: '97209', area: '503' },
  { city: 'Seattle', state: 'WA', zip: '98109', area: '206' },
  { city: 'Austin', state: 'TX', zip: '78704', area: '512' },
  { city: 'Brooklyn', state: 'NY', zip: '11215', area: '718' },
  { city: 'Atlanta', state: 'GA', zip: '30307', area: '404' },
  { city: 'Miami', state: 'FL', zip: '33137', area: '305' },
  { city: 'Denver', state: 'CO', zip: '80205', area: '720' },
  { city: 'Minneapolis', state: 'MN', zip: '55408', area: '612' },
  { city: 'Phoenix', state: 'AZ', zip: '85004', area: '602' },
  { city: 'Nashville', state: 'TN', zip: '37206', area: '615' },
  { city: 'Madison', state: 'WI', zip: '53703', area: '608' },
  { city: 'Raleigh', state: 'NC', zip: '27601', area: '919' },
  { city: 'Salt Lake City', state: 'UT', zip: '84102', area: '801' },
  { city: 'Pittsburgh', state: 'PA', zip: '15213', area: '412' },
  { city: 'San Diego', state: 'CA', zip: '92104', area: '619' },
  { city: 'Boston', state: 'MA', zip: '02118', area: '617' },
  { city: 'Columbus', state: 'OH', zip: '43215', area: '614' },
] as const;

const COMPANIES = ['Khan Design LLC', 'Riverside Dental', 'Blue Fern Studio', 'Northwind Traders', 'Hilltop Bakery', 'Cobalt Labs'] as const;

/** One invented customer, from the order's random numbers (a function returning [0, 1)). */
export function demoCustomer(rnd: () => number): Address {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const firstName = pick(FIRST_NAMES);
  const lastName = pick(LAST_NAMES);
  const place = pick(CITIES);
  const houseNumber = 1 + Math.floor(rnd() * 9_899);
  const street = pick(STREETS);
  const apartment = rnd() < 0.2 ? `Apt ${1 + Math.floor(rnd() * 40)}${pick(['A', 'B', 'C', 'D'])}` : undefined;
  const company = rnd() < 0.08 ? pick(COMPANIES) : undefined;
  const phone = `${place.area}-555-01${String(Math.floor(rnd() * 100)).padStart(2, '0')}`;
  return {
    firstName,
    lastName,
    ...(company ? { company } : {}),
    address1: `${houseNumber} ${street}`,
    ...(apartment ? { address2: apartment } : {}),
    city: place.city,
    state: place.state,
    zip: place.zip,
    phone,
  };
}
