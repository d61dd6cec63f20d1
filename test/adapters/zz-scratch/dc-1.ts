export default async function ({ fake, show, slashCommand, buttonPress, autocomplete, ADA }: any) {
  let p = slashCommand('help', [], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('help ru', p.token);
  p = slashCommand('nosuch', [], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('unknown command', p.token);
  p = slashCommand('quiz', [{ name: 'difficulty', type: 4, value: 'abc' }], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('wrong type', p.token);
  p = slashCommand('quiz', [{ name: 'bogus', type: 3, value: 'x' }], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('unknown option', p.token);
  p = slashCommand('quiz', [{ name: 'id', type: 3, value: '../../etc/passwd' }], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('id path', p.token);
  p = slashCommand('plot', [{ name: 'functions', type: 3, value: '@everyone <@&123456789012345678> <@500000000000000002> [x](http://evil.example) `a`b` http://evil.example/x' }], { user: ADA, locale: 'en-US' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('mentions', p.token, 4000);
  p = autocomplete('plot', 'nosuch', 're', { user: ADA });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('ac unknown opt', p.token);
  p = autocomplete('nosuch', 'x', 're', { user: ADA });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('ac unknown cmd', p.token);
  p = buttonPress('forged:123', { id: '999999999999999999' }, { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('forged button', p.token);
  // missing member and user
  p = slashCommand('help', [], { user: ADA });
  delete p.payload.member;
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('no member no user', p.token);
  p = slashCommand('train', [], { user: ADA, locale: 'ru', attachments: { data: { id: '777777777777777777', filename: 'big.csv', size: 5e9, url: `http://127.0.0.1:${fake.port}/files/big.csv` } } });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('huge attachment', p.token, 4000);
  console.log('downloads', fake.downloads);
  p = slashCommand('help', [], { user: ADA, locale: 'ru' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('still alive', p.token);
}
