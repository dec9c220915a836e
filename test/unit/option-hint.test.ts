import { describe, expect, it } from 'vitest';
import { optionHint } from '../../src/conversation/steps.js';
import { type MessageKey, type Params, translate } from '../../src/i18n/index.js';

const t = (key: MessageKey, params?: Params) => translate('id', key, params);

describe('the hint after an answer that is none of the options', () => {
  it('names what works: the numbers and the names, with an example', () => {
    const hint = optionHint(t, [
      { id: 'plered', label: 'Plered' },
      { id: 'bojong', label: 'Bojong' },
    ]);
    expect(hint).toContain('Ketik nomor 1 sampai 2');
    expect(hint).toContain('atau namanya');
    expect(hint).toContain('*Plered*');
  });

  it('takes the example without the number a ranked list puts in its labels', () => {
    expect(
      optionHint(t, [
        { id: 'q1', label: '1. TB Maju — Rp1.000' },
        { id: 'q2', label: '2. TB Jaya' },
      ]),
    ).toContain('*TB Maju — Rp1.000*');
  });

  it('never says "1 sampai 1" for a single option', () => {
    const hint = optionHint(t, [{ id: 'menu', label: 'Kembali ke menu' }]);
    expect(hint).not.toContain('1 sampai 1');
    expect(hint).toContain('Ketik *1* untuk *Kembali ke menu*');
  });
});
