// A cancellable progress notification that appears only when the work takes longer than `delayMs`, so quick
// operations do not flash a notification and slow ones never leave the user without feedback or a way out.
import * as vscode from 'vscode';

export interface Step {
  report(done: number, total: number): void;
  readonly token: vscode.CancellationToken;
}

export async function withDelayedProgress<T>(title: string, delayMs: number, task: (step: Step) => Promise<T>): Promise<T> {
  const cts = new vscode.CancellationTokenSource();
  let forward: ((done: number, total: number) => void) | undefined;
  let last: [number, number] = [0, 1];
  const step: Step = {
    token: cts.token,
    report: (done, total) => {
      last = [done, total];
      forward?.(done, total);
    },
  };
  const work = task(step);
  let finished = false;
  void work.then(() => (finished = true), () => (finished = true));
  const timer = setTimeout(() => {
    if (finished) return;
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      token.onCancellationRequested(() => cts.cancel());
      let reported = 0;
      forward = (done, total) => {
        const pct = Math.floor((100 * done) / Math.max(1, total));
        if (pct > reported) progress.report({ increment: pct - reported, message: `${done} / ${total}` });
        reported = Math.max(reported, pct);
      };
      forward(...last);
      return work.catch(() => undefined);
    });
  }, delayMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    cts.dispose();
  }
}
