import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from './outbox-gateway.fixture.ts';
import { httpGatewaySender, SendFailure, sendersFromEnvironment } from './outbox-senders.ts';

/** The HTTP gateway sender against a real local server: only a 2xx is sent. */
describe('HTTP gateway sender', () => {
  let gateway: TestGateway;
  const message = {
    channel: 'sms',
    messageId: 'case:1:matched:sms',
    to: '13912345678',
    content: { title: '政策提醒', body: '正文' },
  };
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => {
    gateway.requests.length = 0;
  });
  const sender = () => httpGatewaySender({ url: gateway.url, token: 'secret-token', name: '短信网关' });
  const failureOf = async (promise: Promise<void>) =>
    promise.then(
      () => null,
      (error: unknown) => error as SendFailure,
    );

  it('posts the message as JSON with the bearer token and resolves on a 2xx', async () => {
    gateway.answerWith(202);
    await sender().send(message, 2000);
    expect(gateway.requests).toEqual([
      {
        authorization: 'Bearer secret-token',
        idempotencyKey: 'case:1:matched:sms',
        body: {
          message_id: 'case:1:matched:sms',
          channel: 'sms',
          to: '13912345678',
          content: { title: '政策提醒', body: '正文' },
        },
      },
    ]);
  });

  it('fails a 500 answer as worth retrying and a 400 as refused', async () => {
    gateway.answerWith(500);
    expect(await failureOf(sender().send(message, 2000))).toMatchObject({
      name: 'SendFailure',
      isPermanent: false,
      message: '短信网关未受理（HTTP 500）',
    });
    gateway.answerWith(429);
    expect(await failureOf(sender().send(message, 2000))).toMatchObject({ isPermanent: false });
    gateway.answerWith(400);
    expect(await failureOf(sender().send(message, 2000))).toMatchObject({
      isPermanent: true,
      message: '短信网关拒绝了该消息（HTTP 400）',
    });
  });

  it('gives up on a gateway that does not answer in time, as worth retrying', async () => {
    gateway.answerWith('hang');
    const started = Date.now();
    const failure = await failureOf(sender().send(message, 300));
    expect(failure).toMatchObject({ isPermanent: false, message: '短信网关在 0.3 秒内未应答' });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('fails without a connection, as worth retrying', async () => {
    const closed = await startTestGateway();
    await closed.close();
    const failure = await failureOf(
      httpGatewaySender({ url: closed.url, token: 't', name: '邮件网关' }).send(message, 2000),
    );
    expect(failure).toMatchObject({ isPermanent: false, message: '无法连接邮件网关（ECONNREFUSED）' });
  });
});

describe('senders chosen by configuration', () => {
  it('makes a sender only for channels with a gateway URL', () => {
    expect(Object.keys(sendersFromEnvironment({}))).toEqual([]);
    expect(
      Object.keys(
        sendersFromEnvironment({
          YANGFAN_EMAIL_GATEWAY_URL: 'https://mail.example.cn/send',
          YANGFAN_EMAIL_GATEWAY_TOKEN: 't',
        }),
      ),
    ).toEqual(['email']);
  });

  it('refuses a URL without its token, or one that is not http(s)', () => {
    expect(() => sendersFromEnvironment({ YANGFAN_SMS_GATEWAY_URL: 'https://sms.example.cn/send' })).toThrow(
      /YANGFAN_SMS_GATEWAY_TOKEN/,
    );
    expect(() =>
      sendersFromEnvironment({ YANGFAN_SMS_GATEWAY_URL: 'ftp://sms.example.cn', YANGFAN_SMS_GATEWAY_TOKEN: 't' }),
    ).toThrow(/http/);
  });
});
