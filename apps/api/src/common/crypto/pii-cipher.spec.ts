import { randomBytes } from 'node:crypto';
import { PiiCipher } from './pii-cipher';

describe(PiiCipher.name, () => {
  const cipher = new PiiCipher(randomBytes(32));

  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('13812341234');
    expect(sealed).not.toContain('13812341234');
    expect(cipher.decrypt(sealed)).toBe('13812341234');
  });

  it('uses a fresh IV every time but a stable lookup hash', () => {
    expect(cipher.encrypt('13812341234')).not.toBe(cipher.encrypt('13812341234'));
    expect(cipher.lookupHash('13812341234')).toBe(cipher.lookupHash('13812341234'));
    expect(cipher.lookupHash('13812341234')).toHaveLength(64);
  });

  it('refuses tampered ciphertext and other keys', () => {
    const sealed = cipher.encrypt('11010519491231002X');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).toThrow();
    expect(() => new PiiCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });
});
