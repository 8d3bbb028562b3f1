import { amzDateOf, authorization, EMPTY_PAYLOAD_HASH, encodeKeyPath } from './sigv4';

describe('SigV4', () => {
  // AWS's own worked example in the S3 API reference ("Authenticating Requests: Using the Authorization
  // Header", GET Object): the expected signature is AWS's, not computed here.
  it('signs AWS S3 GET Object example exactly as AWS documents it', () => {
    const amzDate = '20130524T000000Z';
    const header = authorization(
      {
        method: 'GET',
        path: '/test.txt',
        headers: {
          Host: 'examplebucket.s3.amazonaws.com',
          Range: 'bytes=0-9',
          'x-amz-content-sha256': EMPTY_PAYLOAD_HASH,
          'x-amz-date': amzDate,
        },
        payloadHash: EMPTY_PAYLOAD_HASH,
      },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        region: 'us-east-1',
      },
      amzDate,
    );
    expect(header).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('formats the request time and encodes key paths', () => {
    expect(amzDateOf(new Date('2013-05-24T00:00:00.000Z'))).toBe('20130524T000000Z');
    expect(EMPTY_PAYLOAD_HASH).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(encodeKeyPath("2026/11/a b(1)'.jpg")).toBe('2026/11/a%20b%281%29%27.jpg');
  });
});
