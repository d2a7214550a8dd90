// The desktop's default author: the operating-system user name (the web has none; there the setting is the author).
import * as os from 'node:os';

export function osUserName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}
