/**
 * Theme rules, one family at a time, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { builtInTagger, mergeRules, BUILT_IN_RULES, loadTagger } from '../../src/nlp/themes.js';
import { compileRules, RuleError, ThemeTagger, type RuleFile } from '../../src/nlp/engine.js';
import { THEME_IDS } from '../../src/nlp/taxonomy.js';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tag = async (text: string, list?: string) => (await builtInTagger().tag(text, list)).themes;

describe('the built-in rule file', () => {
  it('covers the sixteen themes of send-themes/1, in the documented order', () => {
    expect(THEME_IDS).toEqual([
      'ehc-plans', 'neurodevelopmental-pathway', 'health-access', 'joint-commissioning', 'leadership-governance', 'multi-agency-working',
      'parent-engagement', 'child-voice', 'local-offer', 'exclusions-attendance', 'preparation-for-adulthood', 'early-identification',
      'social-care', 'educational-outcomes', 'provision-sufficiency', 'workforce',
    ]);
  });

  it('compiles, and every rule has an id of its theme', () => {
    for (const t of BUILT_IN_RULES.themes) for (const r of t.rules) expect(r.id.startsWith(`${t.id}/`)).toBe(true);
    expect(() => compileRules(BUILT_IN_RULES)).not.toThrow();
  });
});

describe('phrases, masks and context', () => {
  it('tags a judgement of EHC plans', async () => {
    expect(await tag('Too many EHC plans are out of date because annual reviews are late.')).toContain('ehc-plans');
  });

  it('does not tag a plan that only names the population (mask)', async () => {
    const themes = await tag('Children with an EHC plan are more likely to be permanently excluded from school.');
    expect(themes).toContain('exclusions-attendance');
    expect(themes).not.toContain('ehc-plans');
  });

  it('tags the neurodevelopmental pathway for waits for an autism assessment, not health access (deferral)', async () => {
    const themes = await tag('Families wait too long for an autism assessment in the county.');
    expect(themes).toContain('neurodevelopmental-pathway');
    expect(themes).not.toContain('health-access');
  });

  it('keeps "education, health and social care" as a list of services, not a judgement of social care (mask)', async () => {
    expect(await tag('Leaders from education, health and social care meet monthly to plan transitions to adult services.')).not.toContain('social-care');
    expect(await tag('Joint working between education, social care and the police keeps pupils safe.')).not.toContain('social-care');
    expect(await tag('Families wait months for a social care assessment and short breaks are scarce.')).toContain('social-care');
  });

  it('prefers the specific theme to the general one (deferral)', async () => {
    const themes = await tag('Leaders have not committed to a joint commissioning strategy.');
    expect(themes).toContain('joint-commissioning');
    expect(themes).not.toContain('leadership-governance');
    expect(await tag('Leaders know the strengths and weaknesses of the area well.')).toContain('leadership-governance');
  });

  it('counts a weak cue only in the sentence that states the finding (lead scope)', async () => {
    expect(await tag('Early years settings identify speech delay quickly.')).toContain('early-identification');
    expect(await tag('Social workers know families well. They also visit early years settings.')).not.toContain('early-identification');
  });

  it('finds inflected forms through stems and other wording through phrases', async () => {
    expect(await tag('Suspensions of pupils with SEND have doubled.')).toContain('exclusions-attendance');
    expect(await tag('Attendance of pupils with SEND is below that of their peers.')).toContain('exclusions-attendance');
    expect(await tag('The local offer website is hard to navigate.')).toEqual(['local-offer']);
    expect(await tag('Young people are well prepared for adulthood and supported internships are popular.')).toContain('preparation-for-adulthood');
  });

  it('hears the voice of children and the engagement of parents', async () => {
    expect(await tag('The views of children and young people shape the local SEND strategy.')).toContain('child-voice');
    expect(await tag('The parent carer forum is a valued partner in co-production.')).toContain('parent-engagement');
  });

  it('tags training and capacity of the workforce', async () => {
    expect(await tag('Staff in schools have had training in supporting autistic pupils.')).toContain('workforce');
    expect(await tag('High caseloads and vacancies slow the work of the therapy teams.')).toContain('workforce');
  });
});

describe('explanations', () => {
  it('keeps the hits it set aside, with the reason', async () => {
    const { themes, dropped } = await builtInTagger().tag('Leaders have not committed to a joint commissioning strategy.');
    expect(themes).not.toContain('leadership-governance');
    expect(dropped).toContainEqual(expect.objectContaining({ theme: 'leadership-governance', droppedFor: 'gives way to joint-commissioning' }));
    const framed = await builtInTagger().tag('The parent carer forum is a strong partner. It helped to redesign short breaks.', 'strengths');
    expect(framed.dropped).toContainEqual(expect.objectContaining({ theme: 'social-care', sentence: 1, droppedFor: 'a later sentence of a strength whose lead is parent-engagement only' }));
  });

  it('says which rule fired and on which words', async () => {
    const { hits } = await builtInTagger().tag('The local offer website is out of date.');
    expect(hits).toContainEqual({ theme: 'local-offer', rule: 'local-offer/local-offer', words: 'local offer', sentence: 0 });
    const later = await builtInTagger().tag('Parents find it hard to get help. The local offer website is out of date.');
    expect(later.hits).toContainEqual({ theme: 'local-offer', rule: 'local-offer/local-offer', words: 'local offer', sentence: 1 });
  });
});

describe('compromise patterns', () => {
  it('run only where their cheap filter lets a sentence through', async () => {
    const file: RuleFile = {
      schema: 'sendmine-theme-rules/1',
      themes: [{ id: 'health-access', label: 'x', rules: [{ id: 'health-access/grammar', match: { if: '\\bwait', patterns: ['#Plural+ (wait|waited) too long'] } }] }],
    };
    const tagger = new ThemeTagger(compileRules(file));
    expect((await tagger.tag('Children wait too long for therapy.')).themes).toEqual(['health-access']);
    expect((await tagger.tag('Therapy is quick.')).themes).toEqual([]);
  });
});

describe('user rule files (--rules)', () => {
  it('extend a theme, replace a rule by id, add a theme', () => {
    const merged = mergeRules(BUILT_IN_RULES, {
      schema: 'sendmine-theme-rules/1',
      themes: [
        { id: 'local-offer', label: 'Local offer', rules: [{ id: 'local-offer/local-offer', phrases: ['\\blocal offer\\b', '\\bfamily information service\\b'] }] },
        { id: 'transport', label: 'Home to school transport', rules: [{ id: 'transport/transport', phrases: ['\\btransport\\b'] }] },
      ],
    });
    expect(merged.themes.find((t) => t.id === 'local-offer')!.rules).toHaveLength(1);
    expect(merged.themes.find((t) => t.id === 'local-offer')!.rules[0].phrases).toContain('\\bfamily information service\\b');
    expect(merged.themes.at(-1)!.id).toBe('transport');
  });

  it('can switch a built-in lead frame off or change it', async () => {
    const off = mergeRules(BUILT_IN_RULES, { schema: 'sendmine-theme-rules/1', themes: [{ id: 'parent-engagement', label: 'p', rules: [], leadFramesItem: { lists: [] } }] });
    const tagger = new ThemeTagger(compileRules(off));
    const text = 'The parent carer forum is a strong and trusted partner. It helped to redesign short breaks.';
    expect((await tagger.tag(text, 'strengths')).themes).toContain('social-care');
    expect((await builtInTagger().tag(text, 'strengths')).themes).not.toContain('social-care');
  });

  it('are validated with errors that name the rule', async () => {
    expect(() => compileRules({ schema: 'sendmine-theme-rules/1', themes: [{ id: 'x', label: 'x', rules: [{ id: 'x/bad', phrases: ['('] }] }] })).toThrow(/x\/bad/);
    expect(() => compileRules({ schema: 'sendmine-theme-rules/1', themes: [{ id: 'x', label: 'x', rules: [{ id: 'x/empty' }] }] })).toThrow(RuleError);
    const dir = await mkdtemp(join(tmpdir(), 'sendmine-rules-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ not json');
    await expect(loadTagger(bad)).rejects.toThrow(/bad\.json/);
    const good = join(dir, 'good.json');
    await writeFile(good, JSON.stringify({ themes: [{ id: 'transport', label: 'Transport', rules: [{ id: 'transport/bus', phrases: ['\\bbus(?:es)?\\b'] }] }] }));
    expect((await (await loadTagger(good)).tag('The school bus is late.')).themes).toEqual(['transport']);
  });
});

describe('rules with patterns the literal index cannot read, or masks that cut a word', () => {
  const tagger = (themes: RuleFile['themes']) => new ThemeTagger(compileRules({ schema: 'sendmine-theme-rules/1', themes }));

  it('still tries a pattern with no literal start, or one that may start inside a word', async () => {
    const t = tagger([
      { id: 'plans', label: 'Plans', rules: [{ id: 'plans/any-word', phrases: ['\\b\\w+ plans are late'] }] },
      { id: 'bars', label: 'Bars', rules: [{ id: 'bars/inside', phrases: ['bar\\b'] }] },
    ]);
    expect((await t.tag('Transition plans are late.')).themes).toEqual(['plans']);
    expect((await t.tag('A crowbar was found.')).themes).toEqual(['bars']);
  });

  it('matches the rules against the masked sentence, word starts included', async () => {
    // A mask that ends inside a word leaves a word start that the sentence itself lacks.
    const t = tagger([{ id: 'sight', label: 'Sight', masks: ['\\bsuper'], rules: [{ id: 'sight/vision', phrases: ['\\bvision\\b'] }] }]);
    expect((await t.tag('Supervision of the service is thorough.')).themes).toEqual(['sight']);
    expect((await t.tag('The service is thorough.')).themes).toEqual([]);
  });
});

describe('item context (context)', () => {
  it('reads what professionals contribute to plans as joint working, only in a finding about plans', async () => {
    const plans = await tag('Annual reviews of EHC plans are often late. Social care information is frequently left out of them.');
    expect(plans).toContain('ehc-plans');
    expect(plans).toContain('multi-agency-working');
    expect(await tag('Social care information about families is stored on a new system for short breaks.')).not.toContain('multi-agency-working');
  });

  it('is a rule field checked against every sentence of the item', async () => {
    const file: RuleFile = {
      schema: 'sendmine-theme-rules/1',
      themes: [{ id: 'x', label: 'x', rules: [{ id: 'x/advice', phrases: ['\\badvice\\b'], context: ['\\bplans?\\b'] }] }],
    };
    const tagger = new ThemeTagger(compileRules(file));
    expect((await tagger.tag('The plans are late. Advice is missing.')).themes).toEqual(['x']);
    expect((await tagger.tag('Advice is missing.')).themes).toEqual([]);
  });
});

describe('weak cues that need what is judged (requires, unless)', () => {
  it('counts staff and capacity as the workforce only when their skills, training or numbers are judged', async () => {
    expect(await tag('Staff in the youth service are confident in adapting their approach for young people with SEND.')).toContain('workforce');
    expect(await tag('College staff use the plans to set targets for each learner.')).not.toContain('workforce');
    expect(await tag('Several special schools are at capacity and cannot take more pupils this year.')).not.toContain('workforce');
  });

  it('reads "social, emotional and mental health" as a kind of need, not a health service', async () => {
    expect(await tag('A new special school for social, emotional and mental health opened in the spring, adding places.')).not.toContain('health-access');
    expect(await tag('Children wait many months for mental health support.')).toContain('health-access');
  });
});

describe('professionals working together, in other words', () => {
  it('hears information passed (or not) between services and families retelling their story', async () => {
    expect(await tag('When pupils change school, information about their needs is not always shared.')).toContain('multi-agency-working');
    expect(await tag('Families have to explain their circumstances again to each new worker they meet.')).toContain('multi-agency-working');
    expect(await tag('Referrals are passed between teams without delay.')).toContain('multi-agency-working');
    expect(await tag('Families have to wait a long time for a reply to their emails.')).not.toContain('multi-agency-working');
  });
});

describe('identification of needs in time', () => {
  it('needs an identifying verb and a word about timing in the same sentence', async () => {
    expect(await tag('In primary schools, pupils with SEND are not always identified quickly enough.')).toContain('early-identification');
    expect(await tag('Where schools do not ask for help, the needs of some pupils can be missed.')).toContain('early-identification');
    expect(await tag('The team identified a new venue for the youth club.')).not.toContain('early-identification');
    // the diagnostic pathway has its own theme
    expect(await tag('Children are identified for an autism assessment too late.')).not.toContain('early-identification');
  });
});

describe('whose voice', () => {
  it('does not read a parent speaking about their child as the voice of the child (mask)', async () => {
    const themes = await tag('Parents are rarely asked for their views before their child is discharged from therapy.');
    expect(themes).toContain('parent-engagement');
    expect(themes).not.toContain('child-voice');
    expect(await tag('Young people say that their views are taken seriously in reviews.')).toContain('child-voice');
  });
});

describe('communication with families and their trust', () => {
  it('hears communication with families named after the children, and trust being built or lost', async () => {
    expect(await tag('Leaders have not communicated clearly with children, young people and families about the new strategy.')).toContain('parent-engagement');
    expect(await tag('Recent changes have started to rebuild trust in the system.')).toContain('parent-engagement');
    expect(await tag('Communication between the two hospitals is slow.')).not.toContain('parent-engagement');
  });
});

describe('leaders judged on what they know and how they measure improvement', () => {
  it('is leadership even when another theme is named', async () => {
    const a = await tag('Leaders have a limited understanding of how long children wait for speech and language therapy.');
    expect(a).toContain('leadership-governance');
    expect(a).toContain('health-access');
    expect(await tag('Plans to cut exclusions lack measurable targets, so leaders cannot measure the impact of their work.')).toContain('leadership-governance');
    expect(await tag('Young people know where to go for help with their mental health.')).not.toContain('leadership-governance');
  });
});

describe('other neurodevelopmental conditions', () => {
  it('puts the assessment and diagnosis of a learning disability on the neurodevelopmental pathway', async () => {
    expect(await tag('There is no clear route to assess young people for a learning disability before they turn 18.')).toContain('neurodevelopmental-pathway');
    expect(await tag('The diagnostic pathway for under-fives now has shorter waits.')).toContain('neurodevelopmental-pathway');
    expect(await tag('Adults with a learning disability use the new day centre.')).not.toContain('neurodevelopmental-pathway');
  });
});

describe('children in care and short breaks', () => {
  it('tags children in the care of the local authority and hyphenated short breaks', async () => {
    expect(await tag('Pupils who are in the care of the council can wait months to start at a new school.')).toContain('social-care');
    expect(await tag('The short-break offer is too small for the number of families who need it.')).toContain('social-care');
    expect(await tag('Foster carers say they get good advice about managing behaviour.')).toContain('social-care');
  });
});

describe('how services are commissioned', () => {
  it('tags the commissioning model, process and decisions wherever they are judged in the finding', async () => {
    expect(await tag('Many families wait too long for therapy. The commissioning model leaves gaps in the west of the county.')).toContain('joint-commissioning');
    expect(await tag('Speech therapy waits are long. Service specifications for therapy differ between the two health trusts.')).toContain('joint-commissioning');
    expect(await tag('The Care Quality Commission visited the hospital in May.')).not.toContain('joint-commissioning');
  });
});

describe('targets: the service\'s or the child\'s', () => {
  it('reads targets in an EHC plan as plan quality, targets for the service as leadership', async () => {
    expect(await tag('Outcomes in EHC plans are vague and lack measurable targets.')).not.toContain('leadership-governance');
    expect(await tag('The plan to reduce waiting lists has no measurable targets.')).toContain('leadership-governance');
  });

  it('does not read an accurate picture of one child as self-evaluation', async () => {
    expect(await tag('Some reports give an accurate picture of what each child can do.')).not.toContain('leadership-governance');
  });
});

describe('sufficiency of places', () => {
  it('hears a shortage of provision and limited choice, not a child being placed somewhere in passing', async () => {
    expect(await tag('There is not enough provision for young people with complex needs after they leave school.')).toContain('provision-sufficiency');
    expect(await tag('Young people with SEND have limited choice of courses at 16.')).toContain('provision-sufficiency');
    expect(await tag('Children placed in foster care get help from the virtual school.')).not.toContain('provision-sufficiency');
  });
});

describe('the voice of the child, in other words', () => {
  it('hears "the voice and wishes of", "the views of their children" and children helped to express themselves', async () => {
    expect(await tag('Reviews make little use of the voice and wishes of the young people concerned.')).toContain('child-voice');
    expect(await tag('Carers say that the views of their children are rarely sought.')).toContain('child-voice');
    expect(await tag('Symbols and signing help children who do not speak to express their choices in class.')).toContain('child-voice');
  });
});

describe('what the workforce knows', () => {
  it('hears practitioners\' knowledge and skills, staff turnover and a lack of staff', async () => {
    expect(await tag('Teachers\' understanding of how to adapt lessons for autistic pupils varies from school to school.')).toContain('workforce');
    expect(await tag('Frequent changes of social workers unsettle some families.')).toContain('workforce');
    expect(await tag('Youth workers are well trained in supporting young people with anxiety.')).toContain('workforce');
    expect(await tag('Pupils\' understanding of phonics is improving.')).not.toContain('workforce');
  });
});

describe('health services named in other ways', () => {
  it('hears waits for speech and language support, primary care and health assessments', async () => {
    expect(await tag('Children wait over a year for speech and language assessments.')).toContain('health-access');
    expect(await tag('Primary care teams offer few appointments to young people with complex needs.')).toContain('health-access');
    expect(await tag('Looked-after children receive their review health assessments on time.')).toContain('health-access');
    expect(await tag('Funding has been agreed. Audiology services still struggle to see children promptly.')).toContain('health-access');
    expect(await tag('Leaders have made changes. Some families wait for therapy on waiting lists for a year.')).toContain('health-access');
  });
});

describe('identification: of needs, not of weaknesses', () => {
  it('wants the needs or the children as what is identified', async () => {
    expect(await tag('Leaders quickly identified the weaknesses in their own processes.')).not.toContain('early-identification');
    expect(await tag('Staff in nurseries spot what young children need and respond to it well.')).toContain('early-identification');
  });
});

describe('multi-agency as an adjective of something more specific', () => {
  it('reads multi-agency training as the workforce and a multi-agency strategy as leadership (mask)', async () => {
    const a = await tag('A new multi-agency training programme has raised the confidence of nursery staff.');
    expect(a).toContain('workforce');
    expect(a).not.toContain('multi-agency-working');
    expect(await tag('Multi-agency meetings for each child are held every term.')).toContain('multi-agency-working');
  });
});

describe('social workers as actors', () => {
  it('count for social care in the sentence that states the finding, not as helpers later on', async () => {
    expect(await tag('Social workers visit disabled children often and know them well.')).toContain('social-care');
    expect(await tag('Young people move on to college smoothly. Social workers and tutors attend their transition reviews.')).not.toContain('social-care');
  });
});

describe('leaders\' use of information and their plans', () => {
  it('hears information put to use, robust information about a service, and plans to reduce a problem', async () => {
    expect(await tag('Therapists are not using this information to shape the service.')).toContain('leadership-governance');
    expect(await tag('Waits are long. There are no detailed plans to reduce them.')).toContain('leadership-governance');
    expect(await tag('The partnership lacks robust information about how many pupils are on part-time timetables.')).toContain('leadership-governance');
  });
});

describe('places the noun, not the verb', () => {
  it('does not read "this places pressure on" as school places', async () => {
    expect(await tag('Late paperwork places extra pressure on school staff.')).not.toContain('provision-sufficiency');
    expect(await tag('There are too few places for pupils who need a specialist setting.')).toContain('provision-sufficiency');
  });
});

describe('more ways of saying professionals work together', () => {
  it('hears relationships with other services, integrated teams, shared records and asks to work together', async () => {
    expect(await tag('The school nursing team has close relationships with other services in each town.')).toContain('multi-agency-working');
    expect(await tag('An integrated team of nurses and teachers supports pupils with complex medical needs.')).toContain('multi-agency-working');
    expect(await tag('Health and education partners should work together more closely on transition to college.', 'improvements')).toContain('multi-agency-working');
    expect(await tag('School staff cannot see the health database, so they learn of diagnoses late.')).toContain('multi-agency-working');
  });
});

describe('what families give and get', () => {
  it('hears contributions from families, advice for families and families not communicated with', async () => {
    expect(await tag('Reviews rarely draw on contributions from families.')).toContain('parent-engagement');
    expect(await tag('The new hub gives clear advice to parents and carers about benefits.')).toContain('parent-engagement');
    expect(await tag('Parents say they are seldom communicated with once a referral is made.')).toContain('parent-engagement');
  });
});

describe('other plans, other assessments, other attendance', () => {
  it('keeps child protection and improvement plans, health needs assessments and club attendance out of the wrong theme', async () => {
    expect(await tag('Some child protection plans are not reviewed on time.')).not.toContain('ehc-plans');
    expect(await tag('Children awaiting health needs assessments get little support meanwhile.')).not.toContain('ehc-plans');
    expect(await tag('A few children who have just come into care wait beyond the deadline for their initial health assessment.')).not.toContain('ehc-plans');
    expect(await tag('Youth workers help disabled teenagers with attendance at clubs and sports.')).not.toContain('exclusions-attendance');
    expect(await tag('EHC plan timeliness has improved this year.')).toContain('ehc-plans');
  });
});

describe('monitoring: of the service or of one child', () => {
  it('does not read a child being closely monitored as leadership', async () => {
    expect(await tag('Babies born early are closely monitored by the neonatal team.')).not.toContain('leadership-governance');
    expect(await tag('Leaders monitor the impact of the new strategy each term.')).toContain('leadership-governance');
  });
});

describe('information for families is not leaders\' data', () => {
  it('does not read clear information about how to get help as use of data', async () => {
    expect(await tag('Parents want reliable information about how to apply for a school place.')).not.toContain('leadership-governance');
  });
});

describe('joint working with other services', () => {
  it('hears work with other services, liaison, and information from several services missing from EHC planning', async () => {
    expect(await tag('The youth justice team works closely with other services to plan support.')).toContain('multi-agency-working');
    expect(await tag('Therapists liaise with class teachers every week.')).toContain('multi-agency-working');
    expect(await tag('Social care advice is often missing from EHC planning.')).toContain('multi-agency-working');
    expect(await tag('Plans should use up-to-date information from education, health and social care. EHC plans are late.')).toContain('multi-agency-working');
  });
});

describe('plans to improve something specific', () => {
  it('give way to what they are about (deferral)', async () => {
    const themes = await tag('Leaders have secure plans to increase how many special school places there are next year.');
    expect(themes).toContain('provision-sufficiency');
    expect(themes).not.toContain('leadership-governance');
  });
});

describe('training from a service; care away from home', () => {
  it('hears training given by a named team and children cared for away from their families', async () => {
    expect(await tag('Nurseries have had training from the autism outreach team this year.')).toContain('workforce');
    expect(await tag('When disabled children are cared for, away from their families, their placements are checked often.')).toContain('social-care');
  });
});

describe('listening to what families say', () => {
  it('hears feedback from children, young people and families being listened to or acted on', async () => {
    expect(await tag('The service was redesigned last year. Commissioners listened to feedback from children, young people and their families.')).toContain('parent-engagement');
  });
});

describe('rule fields: notInItem and a list of themes to defer to', () => {
  const file: RuleFile = {
    schema: 'sendmine-theme-rules/1',
    themes: [
      { id: 'joint', label: 'joint', rules: [{ id: 'joint/pw', phrases: ['\\bpartnership working\\b'], notInItem: ['\\bstrategy\\b'] }] },
      { id: 'wait', label: 'wait', rules: [{ id: 'wait/w', phrases: ['\\bwait'], defer: ['autism'] }] },
      { id: 'autism', label: 'autism', rules: [{ id: 'autism/a', phrases: ['\\bautism\\b'] }] },
      { id: 'lead', label: 'lead', rules: [{ id: 'lead/l', phrases: ['\\bleaders\\b'] }] },
    ],
  };
  const tagger = new ThemeTagger(compileRules(file));

  it('notInItem: a cue does not count when the item, in any sentence, is about something else', async () => {
    expect((await tagger.tag('Partnership working in schools is strong.')).themes).toEqual(['joint']);
    expect((await tagger.tag('Partnership working has improved. The strategy is new.')).themes).toEqual([]);
  });

  it('defer with a list: gives way only to the themes named', async () => {
    expect((await tagger.tag('Families wait months for an autism assessment.')).themes).toEqual(['autism']);
    expect((await tagger.tag('Leaders know that families wait months for therapy.')).themes).toEqual(['lead', 'wait']);
  });

  it('a list naming a theme that does not exist is refused, with the rule named', () => {
    const bad: RuleFile = { schema: 'sendmine-theme-rules/1', themes: [{ id: 'a', label: 'a', rules: [{ id: 'a/x', phrases: ['x'], defer: ['nope'] }] }] };
    expect(() => compileRules(bad)).toThrow(/a\/x: defer names unknown themes: nope/);
  });
});

describe('oversight: the leaders\' or a team\'s', () => {
  it('is leadership when leaders, the partnership or the ICB hold it, not when a team oversees a placement', async () => {
    expect(await tag('The ICB has little oversight of how long children wait for therapy.')).toContain('leadership-governance');
    expect(await tag('Pupils placed in schools outside the county get regular oversight from their caseworker.')).not.toContain('leadership-governance');
    expect(await tag('There is weak multi-agency oversight of pupils who have been out of school for months.')).not.toContain('leadership-governance');
  });
});

describe('families named after their children', () => {
  it('hears the views of children and of their families as parent engagement too, in any sentence', async () => {
    const themes = await tag('The disabilities team does direct work with children. This considers the views of children, young people and their families in decisions.');
    expect(themes).toContain('child-voice');
    expect(themes).toContain('parent-engagement');
  });
});

describe('professionals missing from plans', () => {
  it('reads a lack of involvement of agencies in EHC plans as joint working, and judged plans in later sentences', async () => {
    const themes = await tag('Assessments take too long. Without the involvement of health and care agencies, new EHC plans are often inaccurate.');
    expect(themes).toContain('multi-agency-working');
    expect(themes).toContain('ehc-plans');
    expect(await tag('Advice from therapists is not reflected in their EHC plans.')).toContain('ehc-plans');
    expect(await tag('Parents find it hard to get an EHC plan assessment started.')).toContain('ehc-plans');
  });
});

describe('needs that are identified, and needs already known', () => {
  it('does not read "their identified needs" or plans that identify needs as early identification', async () => {
    expect(await tag('Social workers quickly arrange support that meets their identified needs.')).not.toContain('early-identification');
    expect(await tag('Leaders should make EHC plans identify needs precisely and quickly.')).not.toContain('early-identification');
    expect(await tag('The identification of pupils\' needs in secondary schools is too slow.')).toContain('early-identification');
  });
});

describe('places, inclusion teams and commissioning', () => {
  it('does not read an inclusion team or commissioned places as the sufficiency of places', async () => {
    expect(await tag('The inclusion team gives helpful advice to nurseries.')).not.toContain('provision-sufficiency');
    expect(await tag('The council commissions places at two registered AP settings for excluded pupils.')).not.toContain('provision-sufficiency');
    expect(await tag('There are not enough places for pupils who need a specialist school.')).toContain('provision-sufficiency');
  });
});

describe('attendance and education at home, in other words', () => {
  it('hears pupils struggling to attend school, part-time attendance, home education by choice and reintegration', async () => {
    expect(await tag('Some pupils with anxiety struggle to attend school for weeks at a time.')).toContain('exclusions-attendance');
    expect(await tag('Therapists fail to attend some review meetings.')).not.toContain('exclusions-attendance');
    expect(await tag('Many pupils waiting for a special school place have attended their mainstream school part-time for months.')).toContain('exclusions-attendance');
    expect(await tag('Some parents feel they must educate their child at home.')).toContain('exclusions-attendance');
    expect(await tag('The outreach team helps pupils reintegrate into their school.')).toContain('exclusions-attendance');
  });
});

describe('training: of staff or of young people', () => {
  it('hears staff training anywhere, not education or training as a young person\'s next step', async () => {
    expect(await tag('Settings receive regular advice. Nursery practitioners value the training provided by the council.')).toContain('workforce');
    expect(await tag('Most young people stay in education, employment or training after Year 11.')).not.toContain('workforce');
    expect(await tag('The partnership has increased the size of the casework team.')).toContain('workforce');
  });
});

describe('children\'s voice, not a view of them', () => {
  it('does not read a holistic view of a child, or improving their lived experience, as their voice', async () => {
    expect(await tag('Assessments do not give a holistic view of the child.')).not.toContain('child-voice');
    expect(await tag('Leaders want to improve the lived experiences of children with SEND.')).not.toContain('child-voice');
    expect(await tag('Leaders hold listening events to understand the lived experiences of young people.')).toContain('child-voice');
  });
});

describe('populations named by a condition', () => {
  it('does not read young people who are neurodiverse, or adults with a diagnosis, as the neurodevelopmental pathway', async () => {
    expect(await tag('Young people who are neurodiverse enjoy the youth club.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('Adults with a diagnosis of learning disability have annual health checks.')).not.toContain('neurodevelopmental-pathway');
  });
});

describe('strategy with families', () => {
  it('reads a strategy co-produced with the parent carer forum as engagement, not leadership', async () => {
    const themes = await tag('The council co-produced its SEND strategy with the parent carer forum.');
    expect(themes).toContain('parent-engagement');
    expect(themes).not.toContain('leadership-governance');
  });

  it('reads co-production in a later sentence as engagement with families, not when it is the children\'s', async () => {
    expect(await tag('Short breaks have been redesigned. The new offer was co-produced with the forum.')).toContain('parent-engagement');
    expect(await tag('The youth council is active. Co-production with young people shapes the local offer.')).not.toContain('parent-engagement');
  });
});

describe('social care in other words', () => {
  it('hears Care Act assessments, the CWD team and children known to social care', async () => {
    expect(await tag('Few young people have a Care Act assessment before they turn 18.')).toContain('social-care');
    expect(await tag('Families find the thresholds of the CWD team hard to meet.')).toContain('social-care');
    expect(await tag('Transition planning is late. Children known to social care get a named worker.')).toContain('social-care');
  });
});

describe('waits that are for a health service', () => {
  it('tag health access when the other themes are not what the wait is for', async () => {
    expect(await tag('Leaders should cut waiting times for services and monitor the impact.')).toContain('health-access');
    expect(await tag('Families wait too long for an autism assessment.')).not.toContain('health-access');
  });
});

describe('capacity: of the workforce or of a service', () => {
  it('hears a team stretched or enlarged, not capacity for more assessments or demand outstripping capacity', async () => {
    expect(await tag('Health visitors are stretched to capacity.')).toContain('workforce');
    expect(await tag('Leaders have increased capacity in the casework team.')).toContain('workforce');
    expect(await tag('The new hub has increased capacity for rapid assessments.')).not.toContain('workforce');
    expect(await tag('Demand is outstripping capacity, so waits are growing.')).not.toContain('workforce');
  });
});

describe('young people not in education, employment or training', () => {
  it('are preparation for adulthood, not missing education or early identification', async () => {
    const themes = await tag('Few young people are not in education, employment or training. Those at risk are identified early by the careers service.');
    expect(themes).toContain('preparation-for-adulthood');
    expect(themes).not.toContain('exclusions-attendance');
    expect(themes).not.toContain('early-identification');
  });
});

describe('places in other words', () => {
  it('hears a lack of alternative provision, a wait for a placement and placements matched to needs', async () => {
    expect(await tag('Pupils are excluded for weeks. There is a lack of AP in the north of the county.')).toContain('provision-sufficiency');
    expect(await tag('Exclusions are rising. Several pupils are waiting for a placement in a special school.')).toContain('provision-sufficiency');
    expect(await tag('The panel meets weekly. It matches placements to pupils\' needs.')).toContain('provision-sufficiency');
  });
});

describe('parents\' views set against the child\'s', () => {
  it('is the child\'s voice that is judged, not engagement with parents', async () => {
    const themes = await tag('Transition plans record parents\' views far more fully than the views of their children.');
    expect(themes).toContain('child-voice');
    expect(themes).not.toContain('parent-engagement');
    // "than" with no views of the child after it is not that contrast.
    expect(await tag('Parents of more than 200 children told inspectors they were not consulted.')).toContain('parent-engagement');
  });

  it('does not read families being signposted to activities as engagement with them', async () => {
    expect(await tag('Families are signposted to a range of holiday clubs.')).not.toContain('parent-engagement');
  });
});

describe('services named one by one, working together', () => {
  it('hears settings, visitors and a single service working together, not a team working with families', async () => {
    expect(await tag('Health visitors and nursery settings work well together to spot delays.')).toContain('multi-agency-working');
    expect(await tag('The nursing team works closely with families to understand their needs.')).not.toContain('multi-agency-working');
  });
});

describe('a lead sentence that frames the item (leadFramesItem)', () => {
  it('keeps the services a forum helped to shape out of a strength about the forum', async () => {
    const text = 'The parent carer forum is a strong and trusted partner. It helped to redesign short breaks and the speech and language therapy offer.';
    const strength = await tag(text, 'strengths');
    expect(strength).toEqual(['parent-engagement']);
    // In a weakness the same words are judged: the themes stay.
    expect(await tag(text, 'weaknesses')).toEqual(expect.arrayContaining(['parent-engagement', 'social-care', 'health-access']));
  });

  it('keeps the themes named in "keep", and only acts when the framing theme is alone in the lead', async () => {
    const file: RuleFile = {
      schema: 'sendmine-theme-rules/1',
      themes: [
        { id: 'forum', label: 'f', leadFramesItem: { lists: ['strengths'], keep: ['voice'] }, rules: [{ id: 'forum/f', phrases: ['\\bforum\\b'] }] },
        { id: 'voice', label: 'v', rules: [{ id: 'voice/v', phrases: ['\\bvoice\\b'] }] },
        { id: 'therapy', label: 't', rules: [{ id: 'therapy/t', phrases: ['\\btherapy\\b'] }] },
      ],
    };
    const tagger = new ThemeTagger(compileRules(file));
    expect((await tagger.tag('The forum is strong. Therapy and the voice of pupils improved.', 'strengths')).themes).toEqual(['forum', 'voice']);
    expect((await tagger.tag('The forum and therapy are strong. The voice of pupils improved.', 'strengths')).themes).toEqual(['forum', 'therapy', 'voice']);
    expect((await tagger.tag('The forum is strong. Therapy improved.')).themes).toEqual(['forum', 'therapy']);
  });

  it('is validated: lists are needed and kept themes must exist', () => {
    const bad = (leadFramesItem: unknown): RuleFile => ({
      schema: 'sendmine-theme-rules/1',
      themes: [{ id: 'a', label: 'a', leadFramesItem, rules: [{ id: 'a/x', phrases: ['x'] }] } as never],
    });
    expect(() => compileRules(bad(['strengths']))).toThrow(/theme a: leadFramesItem needs "lists"/);
    expect(() => compileRules(bad({ lists: ['strengths'], keep: ['nope'] }))).toThrow(/keeps unknown themes: nope/);
  });
});

describe('the voice of the child, in more words', () => {
  it('hears aspirations in plans, voices listed with parents\', co-production with young people and taking part in decisions', async () => {
    expect(await tag('EHC plans are improving. Many still miss young people\'s long-term aspirations.')).toContain('child-voice');
    expect(await tag('Assessments are thorough. Children\'s, young people\'s and parents\' voices are recorded in them.')).toContain('child-voice');
    expect(await tag('Leaders have a new strategy. It was co-produced with a group of young people.')).toContain('child-voice');
    expect(await tag('Transition planning is strong. Young people participate in decisions about their futures.')).toContain('child-voice');
  });
});

describe('neurodevelopmental conditions in other words', () => {
  it('hears global developmental delay, services for autism and ADHD, and the ND pathway', async () => {
    expect(await tag('Records are being updated. Some children with a past label of global developmental delay have no review.')).toContain('neurodevelopmental-pathway');
    expect(await tag('Leaders should close the gaps in services for ADHD and audiology.')).toContain('neurodevelopmental-pathway');
    expect(await tag('Projects are new. The ND transformation plan is starting to help families.')).toContain('neurodevelopmental-pathway');
  });
});

describe('commissioning in other words', () => {
  it('hears a service that is not commissioned and the commissioning of some services', async () => {
    expect(await tag('There are gaps in health services. There is no commissioned service to assess learning disabilities.')).toContain('joint-commissioning');
    expect(await tag('Oversight of health services is weak. The commissioning of some services does not meet demand.')).toContain('joint-commissioning');
  });
});

describe('leaders judged on their pace and their own diagnosis', () => {
  it('hears leaders who have not acted with urgency and weaknesses leaders have identified', async () => {
    expect(await tag('Partnership leaders have not acted with enough urgency to fix long-standing problems.')).toContain('leadership-governance');
    expect(await tag('Many new projects tackle the weaknesses that leaders have rightly identified.')).toContain('leadership-governance');
  });
});

describe('SEMH provision', () => {
  it('is a health service to access, while SEMH needs stay a kind of need', async () => {
    expect(await tag('Pupils can access a range of social, emotional and mental health provision close to home.')).toContain('health-access');
    expect(await tag('Pupils with social, emotional and mental health needs are often excluded.')).not.toContain('health-access');
  });
});

describe('joint working, more ways', () => {
  it('hears joint appointments, a register that brings services together and work in partnership with other services', async () => {
    expect(await tag('The therapy team assesses children. It offers joint appointments where it can.')).toContain('multi-agency-working');
    expect(await tag('The register is well established, bringing together the services that help these children.')).toContain('multi-agency-working');
    expect(await tag('Early help workers give timely support. They work in partnership with social care colleagues.')).toContain('multi-agency-working');
  });
});

describe('early years settings as the ones supported', () => {
  it('does not read support and advice given to early years settings as early identification', async () => {
    expect(await tag('The council supports schools and early years settings well with advice.')).not.toContain('early-identification');
    expect(await tag('Early years settings spot speech delays quickly.')).toContain('early-identification');
  });
});

describe('joint working as what leaders evaluate', () => {
  it('reads evaluating joint working, or sharing data for self-evaluation, as leadership rather than joint working', async () => {
    const themes = await tag('The partnership should evaluate the impact of services and joint working more effectively.');
    expect(themes).toContain('leadership-governance');
    expect(themes).not.toContain('multi-agency-working');
    expect(await tag('Leaders should share accurate data across services to support their self-evaluation.')).not.toContain('multi-agency-working');
  });
});

describe('ambitious: the leaders, or the outcomes', () => {
  it('reads ambitious leaders as leadership, not ambitious outcomes for a child', async () => {
    expect(await tag('Leaders are ambitious for children and young people with SEND.')).toContain('leadership-governance');
    expect(await tag('Social workers help children in care to achieve ambitious outcomes.')).not.toContain('leadership-governance');
  });
});

describe('data shared at a strategic level; the safeguarding hub', () => {
  it('reads shared data for strategy as leadership and a referral to the MASH as not joint working in itself', async () => {
    expect(await tag('The use of shared data at a strategic level is underdeveloped.')).not.toContain('multi-agency-working');
    expect(await tag('Requests for home education are now sent to the multi-agency safeguarding hub.')).not.toContain('multi-agency-working');
    expect(await tag('Professionals share information quickly through a common record.')).toContain('multi-agency-working');
  });
});

describe('children in care placed away from home', () => {
  it('are social care, not the sufficiency of school places, when the finding is about their care', async () => {
    const themes = await tag('Children in care live in stable foster homes or residential special schools out of area.');
    expect(themes).toContain('social-care');
    expect(themes).not.toContain('provision-sufficiency');
    expect(await tag('Too many pupils are placed in residential special schools out of area because there are no local places.')).toContain('provision-sufficiency');
  });
});

describe('identifying needs, in more wordings', () => {
  it('hears identifying the individual needs of children and identifying and supporting their needs', async () => {
    expect(await tag('Practitioners work well to identify the individual needs of children who have just arrived.')).toContain('early-identification');
    expect(await tag('Some school staff lack the expertise to identify and support children\'s needs.')).toContain('early-identification');
  });
});

describe('services kept informed', () => {
  it('reads schools or GPs not kept informed as information sharing between services', async () => {
    expect(await tag('Leaders do not always keep schools informed when a pupil moves placement.')).toContain('multi-agency-working');
    expect(await tag('Exclusions are high. GPs are not routinely told when a child leaves school.')).toContain('multi-agency-working');
  });
});

describe('"too early to evaluate"', () => {
  it('is the inspectors saying the effect is not known yet, not a judgement of leaders\' evaluation', async () => {
    expect(await tag('Results are low. A new plan is in place, but it is too early to evaluate its effect.')).not.toContain('leadership-governance');
    expect(await tag('Leaders do not evaluate the impact of their work.')).toContain('leadership-governance');
  });
});

describe('what health practitioners do not do', () => {
  it('is joint working when it is contributing, sharing or attending, not any shortcoming', async () => {
    expect(await tag('Health practitioners do not always contribute to annual reviews.')).toContain('multi-agency-working');
    expect(await tag('Health practitioners are not always using outcome measures after an intervention.')).not.toContain('multi-agency-working');
  });
});

describe('the move from children\'s to adult health services', () => {
  it('is preparation for adulthood; health access only when a named service is judged', async () => {
    const generic = await tag('Planning is weak for young people who move between children\'s and adults\' health services.');
    expect(generic).toContain('preparation-for-adulthood');
    expect(generic).not.toContain('health-access');
    expect(await tag('Some young people lose support as they move from children\'s to adult mental health services.')).toContain('preparation-for-adulthood');
    expect(await tag('Young people wait months for CAMHS, and the move to adult health services is poorly planned.')).toContain('health-access');
  });
});

describe('a plan\'s picture across education, health and care', () => {
  it('is what the three services bring to the plan, so joint working too', async () => {
    expect(await tag('EHC plans do not give a holistic view of the young person\'s needs and provision across education, health and social care.')).toContain('multi-agency-working');
    expect(await tag('Some health visitors are told of annual reviews too late to send advice for the EHC plan.')).toContain('multi-agency-working');
    expect(await tag('EHC plans are finalised late.')).not.toContain('multi-agency-working');
  });
});

describe('leaders who plan or work strategically', () => {
  it('is strategic leadership, whatever the plan is for', async () => {
    expect(await tag('Leaders do not plan strategically for the growing number of children with complex medical needs.')).toContain('leadership-governance');
    expect(await tag('The designated officer works strategically across the partnership.')).toContain('leadership-governance');
  });
});

describe('oversight of children placed away, anywhere in the finding', () => {
  it('is casework even when the monitoring is told in a later sentence', async () => {
    expect(await tag('Leaders keep close track of children who attend special schools outside the borough. They monitor attendance and visit often.')).not.toContain('leadership-governance');
    expect(await tag('Pupils placed in local authority-commissioned AP receive suitable oversight.')).not.toContain('leadership-governance');
    expect(await tag('Leaders monitor the quality of the short breaks offer.')).toContain('leadership-governance');
  });
});

describe('the population named by a condition, in more shapes', () => {
  it('is who the children are, not the pathway, when an age, "identified with" or a plan comes between', async () => {
    expect(await tag('Groups help young people aged 16 to 25 who are neurodivergent to make friends.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('Some pupils identified with SEMH and ASD are placed in unsuitable provision.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('More places are planned for the rise in children with EHC plans for autism spectrum disorder.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('Children identified with autism wait two years for an ADHD assessment.')).toContain('neurodevelopmental-pathway');
  });
});

describe('mental health as the children\'s needs or the subject of training', () => {
  it('is not a judgement of access to mental health services', async () => {
    expect(await tag('Schools value the mental health and well-being training the area provides.')).not.toContain('health-access');
    expect(await tag('More pupils are presenting with poor mental health, and the psychology service trains staff to support them.')).not.toContain('health-access');
    expect(await tag('Children with mental health concerns are reviewed at monthly panels.')).not.toContain('health-access');
    expect(await tag('Young people wait too long for mental health support.')).toContain('health-access');
  });
});

describe('therapists as the ones who consult parents', () => {
  it('is engagement with parents, not access to therapy', async () => {
    const themes = await tag('Parents are rarely consulted by occupational therapists before an assessment. Therapists contact families only after the report is written.');
    expect(themes).toContain('parent-engagement');
    expect(themes).not.toContain('health-access');
    expect(await tag('Parents are not told how long the wait for occupational therapy will be.')).toContain('health-access');
  });
});

describe('aspirations that are the adults\' or a service\'s aim', () => {
  it('is not the voice of the child; aspirations written into plans are', async () => {
    expect(await tag('Leaders have high aspirations for children in care with SEND.')).not.toContain('child-voice');
    expect(await tag('The services leaders commission meet the needs and aspirations of young people.')).not.toContain('child-voice');
    expect(await tag('Plans rarely capture what young people want: their aspirations are missing.')).toContain('child-voice');
  });
});

describe('what a plan focuses on, and parents\' own jobs', () => {
  it('reads a plan focused on educational outcomes as plan quality, not attainment', async () => {
    expect(await tag('The focus in many EHC plans is on educational outcomes, and health needs are thin.')).not.toContain('educational-outcomes');
    expect(await tag('Educational outcomes for pupils with SEN support are low.')).toContain('educational-outcomes');
  });
  it('reads parents giving up work as the family\'s situation, not the young person\'s employment', async () => {
    expect(await tag('Some parents have had to give up paid employment to care for their child at home.')).not.toContain('preparation-for-adulthood');
    expect(await tag('Few young people with SEND move into paid employment.')).toContain('preparation-for-adulthood');
  });
});

describe('CAMHS or paediatrics as the provider of a neurodevelopmental pathway', () => {
  it('is the pathway, not access to mental health services', async () => {
    const themes = await tag('The autism pathway, delivered by the Child and Adolescent Mental Health Service, has been redesigned and waiting times have fallen.');
    expect(themes).toContain('neurodevelopmental-pathway');
    expect(themes).not.toContain('health-access');
    expect(await tag('Waits for CAMHS are long.')).toContain('health-access');
  });
});

describe('a hospital as the place where something else happens', () => {
  it('is context, not a judgement of health services', async () => {
    expect(await tag('Colleges arrange supported internships at a local hospital.')).not.toContain('health-access');
    expect(await tag('The internship programme run with the hospital trust leads to paid jobs.')).not.toContain('health-access');
    expect(await tag('Young people helped design child-friendly spaces in the hospital.')).not.toContain('health-access');
    expect(await tag('Too many children with learning disabilities are admitted to hospital.')).toContain('health-access');
  });
});

describe('quality assurance of placements away from home', () => {
  it('is casework when the finding is about children placed in residential or out-of-area settings', async () => {
    expect(await tag('Children placed in residential special schools are visited often. Quality assurance staff check each placement.')).not.toContain('leadership-governance');
    expect(await tag('Leaders have no quality assurance of the advice written for EHC plans.')).toContain('leadership-governance');
  });
  it('keeps the partnership board as leadership even when the finding names such placements', async () => {
    expect(await tag('The SEND partnership board has little grip on outcomes. Too many pupils are placed out of area.')).toContain('leadership-governance');
  });
});

describe('children with or without a diagnosis, as a population', () => {
  it('names who is supported, not the diagnostic pathway', async () => {
    expect(await tag('Children without a formal diagnosis of autism can still get a key worker.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('The register misses those who do not yet have a diagnosis of ADHD.')).not.toContain('neurodevelopmental-pathway');
    expect(await tag('Families wait two years for a diagnosis of autism.')).toContain('neurodevelopmental-pathway');
  });
});

describe('names that contain a theme word', () => {
  it('reads the clinical commissioning group as an organisation, not a judgement of commissioning', async () => {
    expect(await tag('The local authority and the clinical commissioning group work well together.')).not.toContain('joint-commissioning');
    expect(await tag('The clinical commissioning group has no joint commissioning strategy.')).toContain('joint-commissioning');
  });
  it('reads a consultant as a doctor, not as children being consulted', async () => {
    expect(await tag('Children with complex health needs are seen by hospital consultants.')).not.toContain('child-voice');
    expect(await tag('Young people are consulted on changes to the short breaks offer.')).toContain('child-voice');
  });
});

describe('outcomes that are not ambitious', () => {
  it('is the quality of the plan, not the leaders\' ambition', async () => {
    expect(await tag('Many EHC plans are vague and their outcomes are not always ambitious.')).not.toContain('leadership-governance');
  });
});

describe('therapists sharing records', () => {
  it('is information sharing between professionals, not access to therapy', async () => {
    const themes = await tag('A common electronic record for therapists and school nurses means that information is passed on quickly.');
    expect(themes).toContain('multi-agency-working');
    expect(themes).not.toContain('health-access');
  });
});

describe('social care as a contributor to plans', () => {
  it('is joint working on the plan, not social care for the family', async () => {
    const themes = await tag('Leaders should make sure that EHC plans include timely contributions from social care.');
    expect(themes).toContain('ehc-plans');
    expect(themes).not.toContain('social-care');
    expect(await tag('Social workers are not routinely asked for advice when an EHC plan is drafted.')).toContain('multi-agency-working');
  });
});

describe('more population and capacity shapes', () => {
  it('reads young people of an age with EHC plans as the population', async () => {
    expect(await tag('Leaders do not know how many young people aged 19 to 25 with EHC plans move into work.')).not.toContain('ehc-plans');
  });
  it('reads school places close to capacity as sufficiency, not the workforce', async () => {
    expect(await tag('Special schools are already close to capacity.')).not.toContain('workforce');
  });
  it('reads coordinated training as workforce development, not joint working', async () => {
    const themes = await tag('Training for school staff is not coordinated across the partnership.');
    expect(themes).toContain('workforce');
    expect(themes).not.toContain('multi-agency-working');
  });
});

describe('evaluation that is not the leaders\' self-evaluation', () => {
  it('reads professionals evaluating a child\'s provision as casework', async () => {
    expect(await tag('The professional network is effective in reviewing and evaluating provision for each child.')).not.toContain('leadership-governance');
  });
  it('reads sharing and using information about children as information sharing', async () => {
    expect(await tag('Leaders do not consistently share and use information about children with SEND.')).not.toContain('leadership-governance');
  });
  it('reads gathering views to inform evaluation as the voice of the child', async () => {
    const themes = await tag('Leaders should gather the views of young people and use these views to inform the evaluation of services.');
    expect(themes).toContain('child-voice');
    expect(themes).not.toContain('leadership-governance');
  });
  it('still reads leaders evaluating their services as leadership', async () => {
    expect(await tag('Leaders evaluate the impact of their services accurately.')).toContain('leadership-governance');
  });
});

describe('young people as partners, and transitions up to 25', () => {
  it('reads young people engaged as co-production partners as their voice', async () => {
    expect(await tag('There is more to do to engage all young people with SEND as co-production partners.')).toContain('child-voice');
  });
  it('reads transitions from birth to 25 as preparation for adulthood', async () => {
    expect(await tag('Leaders should plan high-quality transitions for children and young people from birth to 25.')).toContain('preparation-for-adulthood');
  });
});

describe('the voice of the child, in plans and in feedback', () => {
  it('hears feedback from children listened to, their voice gathered, and plans reflecting their aspirations', async () => {
    expect(await tag('The short breaks offer has changed. Leaders have listened to feedback from children and young people to shape it.')).toContain('child-voice');
    expect(await tag('Early help is effective. For these children, their voice is gathered and reflected in assessments.')).toContain('child-voice');
    expect(await tag('The disabilities team is effective. Pathway plans for young people reflect their capabilities and aspirations.')).toContain('child-voice');
  });
});

describe('partners working together to commission', () => {
  it('is joint commissioning', async () => {
    expect(await tag('Partners work together to commission and deliver mental health services.')).toContain('joint-commissioning');
  });
});

describe('placed by the local authority', () => {
  it('is not a placement in a local school', async () => {
    expect(await tag('Pupils placed in local authority-commissioned AP are safe.')).not.toContain('provision-sufficiency');
    expect(await tag('More pupils are now placed in local special schools.')).toContain('provision-sufficiency');
  });
});

describe('professionals and families, in more wordings', () => {
  it('hears professionals working in partnership with parents, and responding to families', async () => {
    expect(await tag('Children in care are well supported. Professionals work in partnership with parents and carers.')).toContain('parent-engagement');
    expect(await tag('Practitioners work together well. They listen and respond quickly to children, young people and their families.')).toContain('parent-engagement');
  });
});

describe('what practitioners know, in more wordings', () => {
  it('is the workforce', async () => {
    expect(await tag('Needs are sometimes missed. This is due to a lack of understanding of autism by some practitioners.')).toContain('workforce');
    expect(await tag('Support is well promoted. As a result, social workers have a secure understanding of the services available.')).toContain('workforce');
    expect(await tag('An outreach service helps to develop professional knowledge across the area.')).toContain('workforce');
  });
});

describe('a child who has a plan, and nurses on different systems', () => {
  it('reads "when a child has an EHC plan" as who the child is', async () => {
    expect(await tag('GPs are not routinely told when a child has an EHC plan.')).not.toContain('ehc-plans');
  });
  it('reads nurses using different record systems as information sharing', async () => {
    const themes = await tag('Health visitors and school nurses use different electronic record systems.');
    expect(themes).toContain('multi-agency-working');
    expect(themes).not.toContain('health-access');
  });
});

describe('the Children and Families Act', () => {
  it('is the law the reforms come from, not engagement with families', async () => {
    expect(await tag('Leaders do not know how well the reforms set out in the Children and Families Act 2014 have been implemented.')).not.toContain('parent-engagement');
  });
});

describe('wordings of the 2014 reforms era', () => {
  it('reads pupils who are excluded as exclusions, but not children excluded from activities', async () => {
    expect(await tag('Pupils with SEN support are excluded far more often than their peers nationally.')).toContain('exclusions-attendance');
    expect(await tag('Disabled children are often excluded from clubs and activities.')).not.toContain('exclusions-attendance');
  });
  it('reads implementing the reforms as leadership', async () => {
    expect(await tag('The area has been slow to implement the reforms.')).toContain('leadership-governance');
  });
});

describe('young people who help write the strategy, and gaps in what is commissioned', () => {
  it('reads young people helping to write a strategy as their voice, not as leadership', async () => {
    const themes = await tag('Young people helped to write the new SEND strategy.');
    expect(themes).toContain('child-voice');
    expect(themes).not.toContain('leadership-governance');
    expect(await tag('Leaders review the outcomes of children and young people to help them shape services.')).not.toContain('child-voice');
  });
  it('reads gaps in commissioned services as commissioning', async () => {
    expect(await tag('There are gaps in commissioned services for young people with mental health needs.')).toContain('joint-commissioning');
  });
});

describe('more populations and timings', () => {
  it('reads autistic pupils as who the children are', async () => {
    const themes = await tag('Autistic pupils are more likely to be suspended than other pupils.');
    expect(themes).toContain('exclusions-attendance');
    expect(themes).not.toContain('neurodevelopmental-pathway');
    expect(await tag('Autistic children wait two years for a diagnosis.')).toContain('neurodevelopmental-pathway');
  });
  it('reads pupils absent from school as attendance', async () => {
    expect(await tag('Pupils with EHC plans are often absent from school.')).toContain('exclusions-attendance');
  });
  it('reads needs identified in reception or nursery as identified early', async () => {
    expect(await tag('Speech and language needs are identified in reception.')).toContain('early-identification');
  });
});

describe('probe wordings: who pays, replies, seats on panels, paid work, late identification', () => {
  it('reads who funds or pays for a service as commissioning', async () => {
    expect(await tag('Partners have not agreed who funds therapy in special schools.')).toContain('joint-commissioning');
  });
  it('reads unanswered emails and slow replies as communication with parents', async () => {
    expect(await tag('Parents do not get replies to their emails from caseworkers.')).toContain('parent-engagement');
  });
  it('reads young people sitting on a panel as their participation', async () => {
    expect(await tag('Young people sit on the panel that interviews new staff.')).toContain('child-voice');
  });
  it('reads paid jobs for young people as adulthood', async () => {
    expect(await tag('There are few paid jobs for young people with learning disabilities.')).toContain('preparation-for-adulthood');
  });
  it('reads needs only identified at secondary school as identified late', async () => {
    expect(await tag('Some needs are only identified when pupils reach secondary school.')).toContain('early-identification');
  });
});

describe('the subject of training, and progress made', () => {
  it('reads training on autism for social workers as the workforce only', async () => {
    const themes = await tag('Training for social workers on autism has improved their practice.');
    expect(themes).toEqual(['workforce']);
  });
  it('hears progress made, not only progress to make', async () => {
    expect(await tag('Pupils on SEN support made good progress in reading.')).toContain('educational-outcomes');
  });
});
