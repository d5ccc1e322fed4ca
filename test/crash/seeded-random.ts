/** A crash run's random choices replay from its printed seed. */
export { seededRandom } from '../../shared/seeded-random.js';
