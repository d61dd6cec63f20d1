export default async function ({ fake, show, slashCommand, ADA }: any) {
  let p = slashCommand('settings', [], { user: ADA, locale: 'ru', admin: true });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('settings', p.token, 3000);
  for (const c of fake.callsFor(p.token)) { const b = (c.body ?? {}) as any; const d = c.path.endsWith('/callback') ? (b.data ?? {}) : b; console.log('rows', (d.components ?? []).length, (d.components ?? []).map((r: any) => r.components.length)); }
  p = slashCommand('guess', [], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('guess', p.token, 8000);
  p = slashCommand('settings', [], { user: ADA, locale: 'ru', admin: false });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('settings non-admin', p.token, 2000);
  p = slashCommand('export', [], { user: ADA, locale: 'ru', guild: false });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('export dm', p.token, 2000);
  p = slashCommand('grad', [{ name: 'expression', type: 3, value: '(((((((((((((((((((((((((((((((x)))))))))))))))))))))))))))))))' + '+x'.repeat(500) }], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('grad huge', p.token, 8000);
}
