#!/usr/bin/env node
// kafkajs through the Kondo gateway: produces COUNT records to TOPIC, then consumes them back in
// the consumer group GROUP_ID (committing the offsets it read), and prints one line of JSON:
//   {"ok":true,"mechanism":"plain","topic":"...","group":"...","produced":N,"consumed":N,"ms":...}
// or {"ok":false,...,"error":"..."} with a non-zero exit. A hard timeout (TIMEOUT_MS) bounds it all.
//
// Environment: BOOTSTRAP_SERVERS (host:port[,host:port]), SASL_MECHANISM (plain | scram-sha-256 |
// scram-sha-512), API_KEY, API_SECRET, TOPIC, COUNT; optional GROUP_ID (default
// kafkajs-<topic>) and TIMEOUT_MS (default 60000). kafkajs logs go to stderr; stdout is the result.
'use strict';

const { Kafka, Partitioners, logLevel } = require('kafkajs');

const EXIT_FAILED = 1;
const EXIT_TIMED_OUT = 2;
const EXIT_USAGE = 3;

const started = Date.now();
const result = { ok: false, mechanism: null, topic: null, group: null, produced: 0, consumed: 0, ms: 0 };

function finish(code, error) {
  result.ok = code === 0;
  result.ms = Date.now() - started;
  if (error) {
    result.error = String(error && error.message ? error.message : error);
  }
  process.stdout.write(JSON.stringify(result) + '\n', () => process.exit(code));
}

function settings(env) {
  const missing = ['BOOTSTRAP_SERVERS', 'SASL_MECHANISM', 'API_KEY', 'API_SECRET', 'TOPIC', 'COUNT']
    .filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new Error('missing environment variables: ' + missing.join(', '));
  }
  const mechanism = env.SASL_MECHANISM.toLowerCase();
  if (!['plain', 'scram-sha-256', 'scram-sha-512'].includes(mechanism)) {
    throw new Error('SASL_MECHANISM must be plain, scram-sha-256 or scram-sha-512, got ' + env.SASL_MECHANISM);
  }
  const count = Number.parseInt(env.COUNT, 10);
  const timeoutMs = Number.parseInt(env.TIMEOUT_MS || '60000', 10);
  if (!(count > 0 && count <= 100000) || !(timeoutMs > 0)) {
    throw new Error('COUNT must be 1..100000 and TIMEOUT_MS positive');
  }
  return {
    brokers: env.BOOTSTRAP_SERVERS.split(',').map((s) => s.trim()).filter(Boolean),
    mechanism,
    username: env.API_KEY,
    password: env.API_SECRET,
    topic: env.TOPIC,
    group: env.GROUP_ID || 'kafkajs-' + env.TOPIC,
    count,
    timeoutMs,
  };
}

// kafkajs' own log lines, one per line on stderr (never the credentials: kafkajs does not log them).
function stderrLogger() {
  return ({ namespace, level, label, log }) => {
    const { message, ...extra } = log;
    process.stderr.write(`${label} [${namespace}] ${message} ${JSON.stringify(extra)}\n`);
  };
}

async function produce(kafka, s) {
  const producer = kafka.producer({
    allowAutoTopicCreation: false,
    idempotent: true, // retries until the hard timeout
    maxInFlightRequests: 1,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    const batch = 100;
    for (let from = 0; from < s.count; from += batch) {
      const messages = [];
      for (let i = from; i < Math.min(from + batch, s.count); i++) {
        messages.push({ key: 'key-' + (i % 7), value: 'kafkajs-' + i });
      }
      await producer.send({ topic: s.topic, acks: -1, messages });
      result.produced += messages.length;
    }
  } finally {
    await producer.disconnect();
  }
}

async function consume(kafka, s) {
  const consumer = kafka.consumer({ groupId: s.group, allowAutoTopicCreation: false });
  const seen = new Set();
  const next = new Map(); // partition -> the offset after the last record read
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [s.topic], fromBeginning: true });
    await new Promise((resolve, reject) => {
      // kafkajs restarts the consumer itself after a retriable error (a coordinator still loading, say).
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) {
          reject(event.payload.error);
        }
      });
      consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          seen.add(message.value.toString());
          next.set(partition, (BigInt(message.offset) + 1n).toString());
          result.consumed = seen.size;
          if (seen.size >= s.count) {
            resolve();
          }
        },
      }).catch(reject);
    });
    await consumer.commitOffsets([...next].map(([partition, offset]) => ({ topic: s.topic, partition, offset })));
  } finally {
    await consumer.disconnect();
  }
  for (let i = 0; i < s.count; i++) {
    if (!seen.has('kafkajs-' + i)) {
      throw new Error('record kafkajs-' + i + ' was not consumed');
    }
  }
}

async function main() {
  let s;
  try {
    s = settings(process.env);
  } catch (e) {
    finish(EXIT_USAGE, e);
    return;
  }
  Object.assign(result, { mechanism: s.mechanism, topic: s.topic, group: s.group });
  setTimeout(() => finish(EXIT_TIMED_OUT, `timed out after ${s.timeoutMs} ms`), s.timeoutMs);

  const kafka = new Kafka({
    clientId: 'kondo-kafkajs-roundtrip',
    brokers: s.brokers,
    sasl: { mechanism: s.mechanism, username: s.username, password: s.password },
    ssl: false,
    connectionTimeout: 10000,
    requestTimeout: 30000,
    logLevel: logLevel.WARN,
    logCreator: stderrLogger,
  });
  await produce(kafka, s);
  await consume(kafka, s);
  finish(0);
}

main().catch((e) => finish(EXIT_FAILED, e));
