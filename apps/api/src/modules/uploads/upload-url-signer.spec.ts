import { UploadUrlSigner } from './upload-url-signer';

describe(UploadUrlSigner.name, () => {
  const signer = new UploadUrlSigner('a-test-secret-that-is-long-enough-to-use');
  const now = 1_800_000_000;
  const exp = now + 600;
  const sig = signer.sign('abcdefghijk', exp);

  it('signs id and expiry as 43 base64url characters, and accepts its own signature until expiry', () => {
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signer.verify('abcdefghijk', exp, sig, now)).toBe(true);
    expect(signer.verify('abcdefghijk', exp, sig, exp)).toBe(false);
  });

  it('refuses another id, another expiry, another key, and a missing or re-encoded signature', () => {
    expect(signer.verify('abcdefghijl', exp, sig, now)).toBe(false);
    expect(signer.verify('abcdefghijk', exp + 1, sig, now)).toBe(false);
    expect(
      new UploadUrlSigner('another-secret-that-is-long-enough-too').verify('abcdefghijk', exp, sig, now),
    ).toBe(false);
    expect(signer.verify('abcdefghijk', exp, undefined, now)).toBe(false);
    expect(signer.verify('abcdefghijk', undefined, sig, now)).toBe(false);
    expect(signer.verify('abcdefghijk', exp, Buffer.from(sig, 'base64url').toString('hex'), now)).toBe(false);
    expect(signer.verify('abcdefghijk', exp, `${sig}=`, now)).toBe(false);
  });
});
