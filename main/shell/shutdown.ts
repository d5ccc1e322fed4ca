/**
 * Quitting, once: the tray's Quit, the OS asking the app to quit, and SIGINT/SIGTERM from a terminal all
 * land here. The engine is closed first (it finishes or abandons its running step and saves), then the
 * process exits. A second request while that runs is ignored rather than cutting the save short.
 */
export interface ShutdownSteps {
  /** Stop the window and tray from starting new work (called first, synchronously). */
  beforeClose(): void;
  /** Close the engine: saves. */
  closeEngine(): Promise<void>;
  exit(code: number): void;
  onError(err: unknown): void;
}

export function createShutdown(steps: ShutdownSteps): { readonly started: boolean; run(): Promise<void> } {
  let running: Promise<void> | null = null;
  return {
    get started() {
      return running !== null;
    },
    run() {
      running ??= (async () => {
        let code = 0;
        try {
          steps.beforeClose();
          await steps.closeEngine();
        } catch (err) {
          code = 1;
          steps.onError(err);
        }
        steps.exit(code);
      })();
      return running;
    },
  };
}
