import { expect, test } from '@playwright/test';
import { findErrorSignal } from '../../../mock-host/oauth/error-signal.ts';

test('an RFC 6749 error string with its description', () => {
  expect(findErrorSignal({ error: 'invalid_grant', error_description: 'the code was already used' })).toEqual({
    indicators: ['error="invalid_grant"'],
    error: 'invalid_grant',
    description: 'the code was already used',
  });
});

test('a blank error and a body without indicators say nothing', () => {
  expect(findErrorSignal({ error: '   ' })).toBeUndefined();
  expect(findErrorSignal({ access_token: 'x', ok: true, success: true, errors: [], status: 'ok', message: 'all good' })).toBeUndefined();
  expect(findErrorSignal({})).toBeUndefined();
});

test('an error object names its code, else its type, else its message, else "error object"', () => {
  expect(findErrorSignal({ error: { code: 'E_CODE', type: 'T', message: 'M' } })).toEqual({ indicators: ['error={code, type, message}'], error: 'E_CODE' });
  expect(findErrorSignal({ error: { code: ' ', type: 'OAuthException', message: 'M' } })).toEqual({ indicators: ['error={code, type, message}'], error: 'OAuthException' });
  expect(findErrorSignal({ error: { message: 'Bad code' } })).toEqual({ indicators: ['error={message}'], error: 'Bad code' });
  expect(findErrorSignal({ error: { status: 400 } })).toEqual({ indicators: ['error={status}'], error: 'error object' });
  expect(findErrorSignal({ error: 42 })).toBeUndefined();
  expect(findErrorSignal({ error: null })).toBeUndefined();
});

test('ok:false and success:false, as booleans or strings', () => {
  expect(findErrorSignal({ ok: false })).toEqual({ indicators: ['ok:false'] });
  expect(findErrorSignal({ ok: 'false' })).toEqual({ indicators: ['ok:false'] });
  expect(findErrorSignal({ success: false })).toEqual({ indicators: ['success:false'] });
  expect(findErrorSignal({ success: 'false' })).toEqual({ indicators: ['success:false'] });
  expect(findErrorSignal({ ok: 0, success: '' })).toBeUndefined();
});

test('a non-empty errors array is counted', () => {
  expect(findErrorSignal({ errors: [{ m: 1 }, { m: 2 }] })).toEqual({ indicators: ['errors[2]'] });
  expect(findErrorSignal({ errors: 'not an array' })).toBeUndefined();
});

test('status "error" or "fail…", whole word, any case', () => {
  for (const status of ['error', 'ERROR', 'fail', 'failed', 'Failure']) expect(findErrorSignal({ status })).toEqual({ indicators: [`status="${status}"`] });
  for (const status of ['errors', 'not error', 'failing', 'ok', '']) expect(findErrorSignal({ status })).toBeUndefined();
});

test('an error-like message (message, msg, detail, error_message in that order) is an indicator and the description', () => {
  expect(findErrorSignal({ message: 'Invalid code' })).toEqual({ indicators: ['message="Invalid code"'], description: 'Invalid code' });
  expect(findErrorSignal({ msg: 'token expired' })).toEqual({ indicators: ['message="token expired"'], description: 'token expired' });
  expect(findErrorSignal({ detail: 'Access denied' })).toEqual({ indicators: ['message="Access denied"'], description: 'Access denied' });
  expect(findErrorSignal({ error_message: 'not found' })).toEqual({ indicators: ['message="not found"'], description: 'not found' });
  expect(findErrorSignal({ message: ' ', msg: 'unauthorised client' })).toEqual({ indicators: ['message="unauthorised client"'], description: 'unauthorised client' });
  expect(findErrorSignal({ message: 'Bad request', msg: 'fine' })?.indicators).toEqual(['message="Bad request"']);
  for (const message of ['invalidated cache', 'a badge', 'all good', 'Forbidden', 'incorrect password', 'the request failed', 'fail', 'total failure', 'an error occurred', 'Unauthorized'])
    expect(findErrorSignal({ message }) !== undefined).toBe(!['invalidated cache', 'a badge', 'all good'].includes(message));
});

test('error_description wins over the message as description; a neutral message still describes another indicator', () => {
  expect(findErrorSignal({ ok: false, message: 'all good', error_description: 'the real reason' })).toEqual({ indicators: ['ok:false'], description: 'the real reason' });
  expect(findErrorSignal({ ok: false, message: 'something happened' })).toEqual({ indicators: ['ok:false'], description: 'something happened' });
});

test('all indicators are listed in a fixed order', () => {
  expect(findErrorSignal({ message: 'failed', status: 'error', errors: ['x'], success: false, ok: false, error: 'e' })?.indicators).toEqual([
    'error="e"',
    'ok:false',
    'success:false',
    'errors[1]',
    'status="error"',
    'message="failed"',
  ]);
});

test('long values are clipped: 80 characters in an indicator, 200 in the description', () => {
  const e80 = 'e'.repeat(80);
  expect(findErrorSignal({ error: e80 })?.indicators).toEqual([`error="${e80}"`]);
  const long = 'x'.repeat(300);
  expect(findErrorSignal({ error: long, error_description: long })).toEqual({ indicators: [`error="${'x'.repeat(80)}…"`], error: long, description: `${'x'.repeat(200)}…` });
  const d200 = 'd'.repeat(200);
  expect(findErrorSignal({ ok: false, error_description: d200 })?.description).toBe(d200);
  const m = `invalid ${'m'.repeat(100)}`;
  expect(findErrorSignal({ message: m })?.indicators).toEqual([`message="${m.slice(0, 80)}…"`]);
});
