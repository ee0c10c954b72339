import { describe, expect, it } from 'vitest';
import { didWebOf, publicUrlFromEnv } from './public-url.ts';

describe('SOGD_PUBLIC_URL', () => {
  it('defaults to localhost at the port for the demo, and keeps an origin as given', () => {
    expect(publicUrlFromEnv({}, 3000)).toBe('http://localhost:3000');
    expect(publicUrlFromEnv({ PORT: '8080' })).toBe('http://localhost:8080');
    expect(publicUrlFromEnv({ SOGD_PUBLIC_URL: ' https://sogd.example.gov.vn/ ' })).toBe(
      'https://sogd.example.gov.vn',
    );
    expect(didWebOf('https://sogd.example.gov.vn')).toBe('did:web:sogd.example.gov.vn');
    expect(didWebOf('http://localhost:3000')).toBe('did:web:localhost%3A3000');
  });

  it('refuses what is not the root address of a web host', () => {
    for (const bad of [
      'sogd.example.gov.vn',
      'ftp://sogd.example.gov.vn',
      'https://sogd.example.gov.vn/sogd',
      'https://sogd.example.gov.vn/?a=1',
      'https://user:pw@sogd.example.gov.vn',
    ])
      expect(() => publicUrlFromEnv({ SOGD_PUBLIC_URL: bad })).toThrow(
        /SOGD_PUBLIC_URL .* không hợp lệ/,
      );
  });
});
