// The renderer runs under the Content Security Policy (no 'unsafe-eval'): zod must not probe for
// `new Function` (the probe is caught, but a strict CSP still reports it as a violation).
import { z } from 'zod';

z.config({ jitless: true });
