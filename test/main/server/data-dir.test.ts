import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../../main/server/data-dir.js';

describe('the default data folder', () => {
  it('is $DOCKHAND_DATA_DIR when set', () => {
    expect(defaultDataDir({ DOCKHAND_DATA_DIR: '/srv/dockhand' }, 'linux', '/home/ann')).toBe('/srv/dockhand');
  });

  it('is ~/.local/share/dockhand on Linux, or under $XDG_DATA_HOME', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe(join('/home/ann', '.local', 'share', 'dockhand'));
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/ann')).toBe(join('/data', 'dockhand'));
  });

  it('is %APPDATA%/Dockhand on Windows and ~/Library/Application Support/Dockhand on macOS', () => {
    expect(defaultDataDir({ APPDATA: 'C:/Users/ann/AppData/Roaming' }, 'win32', 'C:/Users/ann')).toBe(
      join('C:/Users/ann/AppData/Roaming', 'Dockhand'),
    );
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe(join('/Users/ann', 'Library', 'Application Support', 'Dockhand'));
  });
});
