export default async function ({ fake, show, slashCommand, ADA }: any) {
  let p = slashCommand('plot', [{ name: 'functions', type: 3, value: '@everyone <@&123456789012345678> <@500000000000000002> [x](http://evil.example) `a`b` http://evil.example/x' }], { user: ADA, locale: 'en-US' });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('mentions', p.token, 6000);
  const names = [];
  for (let i = 0; i < 60; i++) names.push(['@everyone', '<@&123456789012345678>', '**bold**', '`tick`', '[x](http://evil.example)', 'http://evil.example/a', '# head', '> quote', '||spoiler||', '~~s~~', '_it_'][i % 11] + ' spell' + 'abcdefghij'[i % 10] + i);
  fake.files.set('names.txt', new TextEncoder().encode(names.join('\n')));
  p = slashCommand('spells', [{ name: 'count', type: 4, value: 20 }], { user: ADA, locale: 'ru', attachments: { names: { id: '777777777777777778', filename: 'names.txt', size: names.join('\n').length, url: `http://127.0.0.1:${fake.port}/files/names.txt` } } });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('spells custom', p.token, 15000);
  const header = '@everyone,' + '*'.repeat(300) + ',' + '_'.repeat(500) + ',y';
  const rows = [header]; for (let i = 0; i < 40; i++) rows.push(`${i},${i%3},${i%5},${i%2}`);
  fake.files.set('evil.csv', new TextEncoder().encode(rows.join('\n')));
  p = slashCommand('train', [{ name: 'epochs', type: 4, value: 5 }], { user: ADA, locale: 'ru', attachments: { data: { id: '777777777777777779', filename: 'evil.csv', size: rows.join('\n').length, url: `http://127.0.0.1:${fake.port}/files/evil.csv` } } });
  fake.dispatch('INTERACTION_CREATE', p.payload); await show('train evil', p.token, 20000);
}
