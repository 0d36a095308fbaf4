// The demo workspace's data, made by OCP itself: deterministic (a seeded generator), realistic in
// shape (seasonality, growth, noise, an incident), small enough to load in a second. Each function
// returns CSV text, which the demo loads through the same path as a user's upload.

import { prng as random } from '../shared/prng.js';

/** Roughly normal noise around 1 (sum of uniforms), spread ±spread. */
const noise = (rand: () => number, spread: number) => 1 + (rand() + rand() + rand() - 1.5) * (spread / 1.5);
const iso = (date: Date) => date.toISOString().slice(0, 10);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const REGIONS = [
  { name: 'North', weight: 1.3, growth: 0.018 },
  { name: 'South', weight: 1.0, growth: 0.012 },
  { name: 'East', weight: 0.8, growth: 0.03 },
  { name: 'West', weight: 1.1, growth: 0.006 },
  { name: 'Central', weight: 0.6, growth: 0.022 },
];
const PRODUCTS = [
  { name: 'Starter', price: 29, cost: 0.35, weight: 0.7, growth: -0.01 },
  { name: 'Team', price: 99, cost: 0.3, weight: 1.0, growth: 0.01 },
  { name: 'Business', price: 249, cost: 0.28, weight: 1.25, growth: 0.02 },
  { name: 'Enterprise', price: 990, cost: 0.22, weight: 1.5, growth: 0.035 },
  { name: 'Add-ons', price: 15, cost: 0.55, weight: 0.35, growth: 0.005 },
];
const CHANNELS = [
  { name: 'Online', share: 0.55 },
  { name: 'Partner', share: 0.3 },
  { name: 'Direct', share: 0.15 },
];

/** Sales by month, region, product and channel, for 24 months up to `end`: ~3,600 rows. */
export function salesCsv(end = new Date(Date.UTC(2026, 9, 1))): string {
  const rand = random(7);
  const lines = ['month,region,product,channel,orders,revenue,cost'];
  for (let m = 23; m >= 0; m--) {
    const month = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - m, 1));
    const season =
      1 + 0.18 * Math.sin(((month.getUTCMonth() - 2) / 12) * 2 * Math.PI) + (month.getUTCMonth() === 10 ? 0.25 : 0);
    for (const region of REGIONS)
      for (const product of PRODUCTS)
        for (const channel of CHANNELS) {
          const trend = (1 + region.growth + product.growth) ** (23 - m);
          const base = (1200 / product.price) * 8 * product.weight * region.weight * channel.share * season * trend;
          const orders = Math.max(0, Math.round(base * noise(rand, 0.25)));
          const revenue = round(orders * product.price * noise(rand, 0.08));
          const cost = round(revenue * product.cost * noise(rand, 0.1));
          lines.push(`${iso(month)},${region.name},${product.name},${channel.name},${orders},${revenue},${cost}`);
        }
  }
  return `${lines.join('\n')}\n`;
}

const SOURCES = [
  { name: 'Organic search', share: 0.38, bounce: 0.42, conversion: 0.031 },
  { name: 'Direct', share: 0.22, bounce: 0.35, conversion: 0.045 },
  { name: 'Social', share: 0.16, bounce: 0.58, conversion: 0.012 },
  { name: 'Email', share: 0.1, bounce: 0.3, conversion: 0.06 },
  { name: 'Paid search', share: 0.09, bounce: 0.47, conversion: 0.038 },
  { name: 'Referral', share: 0.05, bounce: 0.4, conversion: 0.025 },
];
const DEVICES = [
  { name: 'Desktop', share: 0.52 },
  { name: 'Mobile', share: 0.41 },
  { name: 'Tablet', share: 0.07 },
];

/** Web traffic by day, source and device, for a year up to `end`: ~6,500 rows. */
export function webTrafficCsv(end = new Date(Date.UTC(2026, 9, 31))): string {
  const rand = random(11);
  const lines = ['date,source,device,sessions,users,bounce_rate,conversions'];
  for (let d = 364; d >= 0; d--) {
    const day = new Date(end.getTime() - d * 86_400_000);
    const weekday = day.getUTCDay();
    const weekly = weekday === 0 || weekday === 6 ? 0.72 : 1.05;
    const growth = 1 + (364 - d) * 0.0012;
    // A campaign in March doubles email for two weeks.
    const campaign = day.getUTCMonth() === 2 && day.getUTCDate() <= 14;
    for (const source of SOURCES)
      for (const device of DEVICES) {
        const boost = campaign && source.name === 'Email' ? 2.1 : 1;
        const sessions = Math.round(4200 * source.share * device.share * weekly * growth * boost * noise(rand, 0.15));
        const users = Math.round(sessions * 0.78 * noise(rand, 0.05));
        const bounce = round(
          Math.min(0.95, source.bounce * (device.name === 'Mobile' ? 1.12 : 1) * noise(rand, 0.08)),
          3,
        );
        const conversions = Math.round(sessions * source.conversion * noise(rand, 0.3));
        lines.push(`${iso(day)},${source.name},${device.name},${sessions},${users},${bounce},${conversions}`);
      }
  }
  return `${lines.join('\n')}\n`;
}

const HOSTS = ['api-1', 'api-2', 'api-3', 'web-1', 'web-2', 'worker-1', 'worker-2', 'db-1'];

/** Server metrics every 15 minutes for 14 days up to `end`, per host: ~10,750 rows, with an incident on api-2. */
export function serverMetricsCsv(end = new Date(Date.UTC(2026, 10, 1))): string {
  const rand = random(13);
  const lines = ['timestamp,host,region,cpu_pct,memory_pct,requests,errors,latency_p50_ms,latency_p95_ms'];
  const steps = 14 * 96;
  for (let s = steps - 1; s >= 0; s--) {
    const at = new Date(end.getTime() - s * 15 * 60_000);
    const hour = at.getUTCHours() + at.getUTCMinutes() / 60;
    const daily = 0.55 + 0.45 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI));
    const incident = s > 300 && s < 316;
    for (const [i, host] of HOSTS.entries()) {
      const kind = host.split('-')[0];
      const load = daily * (kind === 'db' ? 0.8 : kind === 'worker' ? 0.6 : 1);
      const hot = incident && host === 'api-2';
      const cpu = round(Math.min(99, (20 + 55 * load) * noise(rand, 0.12) * (hot ? 1.6 : 1)), 1);
      const memory = round(Math.min(98, (48 + 10 * load + i) * noise(rand, 0.04)), 1);
      const requests = kind === 'worker' ? 0 : Math.round(900 * load * noise(rand, 0.1));
      const errors = Math.round(requests * (hot ? 0.08 : 0.002) * noise(rand, 0.5));
      const p50 = round((kind === 'db' ? 4 : 38) * (0.8 + load * 0.4) * noise(rand, 0.1) * (hot ? 3.5 : 1), 1);
      const p95 = round(p50 * 2.6 * noise(rand, 0.15), 1);
      lines.push(
        `${at.toISOString().slice(0, 19).replace('T', ' ')},${host},${i % 2 ? 'eu-west' : 'us-east'},${cpu},${memory},${requests},${errors},${p50},${p95}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
