/** Reproducible pseudo-random numbers for tests that try many generated inputs. */

/**
 * A linear congruential generator: the same seed gives the same numbers in [0, 1) on every run and machine.
 * @param seed the starting state
 */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}
