// Whether a process id is running on this machine. `process.kill(pid, 0)` sends no signal: it only checks, and
// works the same on Windows, macOS and Linux (EPERM means the process exists but belongs to someone else).
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
