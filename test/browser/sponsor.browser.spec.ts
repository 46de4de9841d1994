import { type Page } from 'playwright-core';
import { fakePdf, pdf } from './support/files.js';
import { type Journey, PHONE, type Stack, startStack, until } from './support/harness.js';

/**
 * console.md, sponsor journey, in Spanish on a 390 px phone (a sponsor in Jujuy): sign in → the guided form
 * with partial saves and inline errors in Spanish → a refused upload says why, a real one is kept → submit →
 * where it stands and what is asked → answer the fund's question with a document → withdraw. Real API,
 * database and worker (screening runs for real).
 */
describe('console: sponsor journey', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function choose(page: Page, label: string, value: string) {
    await page.getByLabel(label, { exact: true }).selectOption(value);
  }
  async function answer(page: Page, question: string, yes: boolean) {
    await page
      .getByRole('radiogroup', { name: question })
      .getByLabel(yes ? 'Sí' : 'No', { exact: true })
      .check();
  }
  async function attach(
    journey: Journey,
    kind: string,
    file: { name: string; mimeType: string; buffer: Buffer },
  ) {
    const { page } = journey;
    await page.getByLabel('Tipo de documento', { exact: true }).selectOption(kind);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Archivo', exact: true }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('button', { name: 'Cargar', exact: true }).click();
  }

  it('applies, uploads, submits, answers a question with a document and withdraws, in Spanish on a phone', async () => {
    const organizationId = await stack.t.createOrganization('Altiplano Litio S.A.');
    const sponsor = await stack.user(['sponsor'], { organizationId });
    const officer = await stack.user(['officer']);
    const journey = await stack.open({ viewport: PHONE, locale: 'es-AR' });
    const { page } = journey;

    // Sign in: the page speaks Spanish from the browser's language.
    await page.goto('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await journey.audit('inicio de sesión');
    await page.getByLabel('Correo electrónico', { exact: true }).fill(sponsor.email);
    await page.getByLabel('Contraseña', { exact: true }).fill(sponsor.password);
    await page.getByRole('button', { name: 'Iniciar sesión', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Mis solicitudes' }).waitFor();
    await page.getByText('Todavía no hay solicitudes').waitFor();
    await journey.audit('mis solicitudes (vacío)');

    // Step 1, the project: a longitude typed with a comma is refused inline, in Spanish, and nothing is sent.
    await page.getByRole('main').getByRole('link', { name: 'Nueva solicitud' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nueva solicitud' }).waitFor();
    await journey.audit('formulario: el proyecto');
    await choose(page, 'Tipo de solicitante', 'project');
    await page
      .getByLabel('Título del proyecto', { exact: true })
      .fill('Puna Clara DLE lithium carbonate plant');
    await page
      .getByLabel('Resumen del proyecto', { exact: true })
      .fill('25 ktpa battery-grade lithium carbonate by direct lithium extraction');
    await choose(page, 'País', 'AR');
    await page.getByLabel('Región o provincia', { exact: true }).fill('Jujuy');
    await page.getByLabel('Latitud', { exact: true }).fill('-23.21');
    await page.getByLabel('Longitud', { exact: true }).fill('-66,42');
    await choose(page, 'Mineral', 'lithium');
    await choose(page, 'Eslabón de la cadena de valor', 'processing');
    await choose(page, 'Fase del proyecto', 'greenfield');
    await choose(page, 'Madurez tecnológica', 'complex');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.getByText('Ingrese un número (use punto para los decimales)').first().waitFor();
    expect(page.url()).toMatch(/\/sponsor\/new$/);
    await journey.audit('formulario: error en línea');
    await page.getByLabel('Longitud', { exact: true }).fill('-66.42');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL(/\/sponsor\/applications\/[0-9a-f-]{36}\/edit\?step=1$/);
    const id = /applications\/([0-9a-f-]{36})/.exec(page.url())![1];

    // The partial draft is on the server: the project, nothing of the financing yet.
    const draft = await stack.t.request('GET', `/api/v1/applications/${id}`, { token: sponsor.token });
    expect(draft.body).toMatchObject({
      stage: 'draft',
      title: 'Puna Clara DLE lithium carbonate plant',
      region: 'Jujuy',
    });
    expect(draft.body.location).toEqual({ lat: -23.21, lon: -66.42 });
    expect(draft.body.capexUsd).toBeUndefined();

    // Step 2, financing: a tenor with decimals is refused inline; the amount is echoed in the locale.
    await page.getByRole('heading', { level: 2, name: 'Financiamiento solicitado' }).waitFor();
    await journey.audit('formulario: financiamiento');
    await page.getByLabel('Inversión de capital total (US$)', { exact: true }).fill('780000000');
    await page.getByText(/US\$\s?780\.000\.000/).waitFor();
    await page.getByLabel('Monto solicitado al fondo (US$)', { exact: true }).fill('250000000');
    await choose(page, 'Instrumento', 'senior_loan');
    await page.getByLabel('Plazo (años)', { exact: true }).fill('12.5');
    await choose(page, 'Exposición cambiaria', 'usd_matched');
    await choose(page, 'Perfil del patrocinador', 'mid_tier');
    await page.getByLabel('Capital aportado por el patrocinador (%)', { exact: true }).fill('35');
    await page.getByLabel('Cobertura del servicio de la deuda (caso base)', { exact: true }).fill('1.45');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.getByText('Ingrese un número entero, sin decimales').first().waitFor();
    await page.getByLabel('Plazo (años)', { exact: true }).fill('12');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL(/step=2$/);

    // Step 3, environment and people.
    await page.getByRole('heading', { level: 2, name: 'Ambiente y comunidades' }).waitFor();
    await journey.audit('formulario: ambiente');
    await choose(page, 'Estrés hídrico de referencia (WRI Aqueduct)', 'extremely_high');
    await choose(page, 'Método de disposición de relaves', 'none');
    await choose(page, 'Clase de consecuencia de los relaves (GISTM)', 'none');
    await answer(page, '¿Hay hábitat crítico en el área del proyecto?', false);
    await answer(page, '¿Se superpone con un área protegida?', false);
    await choose(page, 'Evaluación de impacto ambiental y social', 'completed');
    await page
      .getByLabel('Emisiones de gases de efecto invernadero, alcances 1 y 2 (t CO₂e por año)', {
        exact: true,
      })
      .fill('120000');
    await answer(page, '¿Hay pueblos indígenas presentes?', true);
    await choose(page, 'Consentimiento libre, previo e informado', 'in_progress');
    await page.getByLabel('Hogares reasentados físicamente', { exact: true }).fill('0');
    await page.getByLabel('Hogares desplazados económicamente', { exact: true }).fill('12');
    await answer(page, '¿Hay un conflicto activo en el área del proyecto?', false);
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL(/step=3$/);

    // Step 4, ownership: a holding company owned by a person, and a second person.
    await page.getByRole('heading', { level: 2, name: 'Propiedad y gobernanza' }).waitFor();
    await journey.audit('formulario: propiedad');
    await page.getByRole('button', { name: 'Agregar un propietario', exact: true }).click();
    const first = page.getByRole('group', { name: /^Propietario 1/ });
    await first.getByLabel('Nombre', { exact: true }).fill('Altiplano Resources Holdings S.A.');
    await first.getByLabel('Tipo', { exact: true }).first().selectOption('entity');
    await first.getByLabel('País', { exact: true }).first().selectOption('AR');
    await first.getByLabel('Participación (%)', { exact: true }).first().fill('60');
    await first
      .getByRole('button', { name: 'Agregar un propietario de Altiplano Resources Holdings S.A.' })
      .click();
    const nested = page.getByRole('group', { name: /^Propietario 1\.1/ });
    await nested.getByLabel('Nombre', { exact: true }).fill('Mariela Quispe Condori');
    await nested.getByLabel('País', { exact: true }).selectOption('AR');
    await nested.getByLabel('Participación (%)', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Agregar un propietario', exact: true }).click();
    const second = page.getByRole('group', { name: /^Propietario 2/ });
    await second.getByLabel('Nombre', { exact: true }).fill('Tomas Ibarra Wolff');
    await second.getByLabel('País', { exact: true }).selectOption('CL');
    await second.getByLabel('Participación (%)', { exact: true }).fill('40');
    await answer(page, '¿Se divulgaron los contratos con el Estado?', true);
    await answer(page, '¿Se divulgaron los pagos a gobiernos?', true);
    await answer(page, '¿Hay noticias adversas sobre el patrocinador o sus propietarios?', false);
    await choose(page, 'Programa anticorrupción', 'iso37001');
    await answer(page, '¿Se presentó la declaración del Anexo II de la OCDE?', true);
    await journey.audit('formulario: propiedad completa');
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL(/step=4$/);

    // Step 5, documents: a "PDF" that is text is refused with the reason; a real PDF is kept.
    await page.getByRole('heading', { level: 2, name: 'Documentos' }).waitFor();
    await attach(journey, 'esia', fakePdf('eia-puna-clara.pdf'));
    const refusal = page.getByRole('alert').filter({ hasText: 'Este archivo fue rechazado' });
    await refusal.waitFor();
    await refusal.getByText('El contenido del archivo no coincide con su tipo').waitFor();
    await journey.audit('formulario: archivo rechazado');
    await attach(journey, 'esia', pdf('EIA Puna Clara'));
    await page.getByRole('cell', { name: 'eia-puna-clara.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Guardar y continuar' }).click();
    await page.waitForURL(/step=5$/);

    // Step 6, review and submit.
    await page.getByText('Todo lo que el fondo necesita está completo').waitFor();
    await journey.audit('formulario: revisar y enviar');
    await page.getByRole('button', { name: 'Enviar la solicitud' }).click();
    await page.waitForURL(new RegExp(`/sponsor/applications/${id}\\?submitted=1$`));
    await page.getByText('Solicitud enviada').waitFor();
    await journey.audit('solicitud enviada');

    // The worker screens it; the fund asks a question.
    await until('screening done', async () => {
      const view = await stack.t.request('GET', `/api/v1/applications/${id}`, { token: officer.token });
      return view.body.stage === 'screening';
    });
    const asked = await stack.t.request('POST', `/api/v1/applications/${id}/information-requests`, {
      token: officer.token,
      body: { question: 'Please send the signed haul-road agreement with the communities.' },
    });
    expect(asked.status).toBe(201);

    // Where it stands and what is asked; the answer carries a document.
    await page.reload();
    const asks = page.getByRole('region', { name: 'Lo que el fondo le pide' });
    await asks.getByText('Please send the signed haul-road agreement with the communities.').waitFor();
    await page.getByRole('region', { name: 'En qué etapa está' }).getByText('Verificación').waitFor();
    await page.getByText('Enviada al fondo').waitFor();
    await journey.audit('estado con pregunta abierta');
    await journey.screenshot('sponsor-application');
    await asks
      .getByLabel('Su respuesta', { exact: true })
      .fill('Signed in March by all five communities; attached.');
    await asks.getByLabel('Adjuntar un documento: su tipo (opcional)').selectOption('other');
    const chooser = page.waitForEvent('filechooser');
    await asks.getByRole('button', { name: 'Adjuntar un documento: el archivo (opcional)' }).click();
    await (await chooser).setFiles(pdf('Haul road agreement'));
    await asks.getByRole('button', { name: 'Enviar la respuesta' }).click();
    await asks.getByText('Por ahora no se le pide nada.').waitFor();
    await page.getByText('Solicitud de información respondida').waitFor();
    await page.getByRole('cell', { name: 'haul-road-agreement.pdf' }).waitFor();
    const answered = await stack.t.request('GET', `/api/v1/applications/${id}`, { token: officer.token });
    expect(answered.body.informationRequests[0]).toMatchObject({ status: 'answered' });
    expect(answered.body.informationRequests[0].documentIds).toHaveLength(1);
    await journey.audit('pregunta respondida');

    // Withdraw it, with a reason.
    await page.getByRole('button', { name: 'Retirar la solicitud' }).click();
    const dialog = page.getByRole('dialog', { name: /^¿Retirar FORGE-\d{4}-\d{6}\?$/ });
    await dialog.waitFor();
    await journey.audit('confirmar retiro');
    await dialog.getByLabel('Motivo del retiro').fill('The board postponed the project by a year.');
    await dialog.getByRole('button', { name: 'Retirar', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'En qué etapa está' }).getByText('Retirada').waitFor();
    expect(
      (await stack.t.request('GET', `/api/v1/applications/${id}`, { token: officer.token })).body.stage,
    ).toBe('withdrawn');

    // The list shows it by its reference.
    await page.goto('/sponsor');
    await page
      .getByRole('table')
      .getByRole('link', { name: /^FORGE-\d{4}-\d{6}$/ })
      .waitFor();
    await journey.audit('mis solicitudes');
    journey.assertClean();
  });
});
