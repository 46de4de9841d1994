import { DomainError } from '../errors/domain-error.js';
import type { EmailTemplateId } from './notification-rules.js';

/**
 * Email templates per event, in the recipient's language (monitoring.md: en, es, pt-BR). Pure
 * rendering: `{name}` placeholders filled from `params`, HTML escaped in the HTML part, line
 * breaks removed from the subject (no header injection). A missing parameter is a programming
 * error (`NOTIFICATION.TEMPLATE_PARAMS`), never a half-filled email.
 */
export const EMAIL_LOCALES = ['en', 'es', 'pt-BR'] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

/** A user's language tag → the closest supported locale (`pt`, `pt-PT` → `pt-BR`; `es-AR` → `es`; else `en`). */
export function emailLocale(tag: string | null | undefined): EmailLocale {
  const lower = (tag ?? '').toLowerCase();
  if (lower === 'es' || lower.startsWith('es-')) return 'es';
  if (lower === 'pt' || lower.startsWith('pt-')) return 'pt-BR';
  return 'en';
}

type Text = { subject: string; body: string };
const FOOTER: Record<EmailLocale, string> = {
  en: 'FORGE Pipeline: you receive this because of your role on this application.',
  es: 'FORGE Pipeline: recibe este mensaje por su función en esta solicitud.',
  'pt-BR': 'FORGE Pipeline: você recebe esta mensagem por sua função nesta solicitação.',
};

/** The templates. `{reference}` and `{title}` name the application; `{link}` is the console URL. */
const TEMPLATES: Readonly<Record<EmailTemplateId, Record<EmailLocale, Text>>> = {
  approval_requested: {
    en: {
      subject: '[{reference}] Four-eyes approval needed: {action}',
      body: 'A maker-checker item ({action}) on {title} waits for a second officer.\n\nReview it: {link}',
    },
    es: {
      subject: '[{reference}] Se necesita una segunda aprobación: {action}',
      body: 'Un elemento de doble control ({action}) en {title} espera a un segundo oficial.\n\nRevíselo: {link}',
    },
    'pt-BR': {
      subject: '[{reference}] Aprovação de quatro olhos necessária: {action}',
      body: 'Um item de dupla verificação ({action}) em {title} aguarda um segundo analista.\n\nRevise: {link}',
    },
  },
  approval_decided: {
    en: {
      subject: '[{reference}] Your {action} item was {decision}',
      body: 'A second officer {decision} your maker-checker item ({action}) on {title}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Su elemento {action} fue {decision}',
      body: 'Un segundo oficial resolvió su elemento de doble control ({action}) en {title}: {decision}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Seu item {action} foi {decision}',
      body: 'Um segundo analista decidiu seu item de dupla verificação ({action}) em {title}: {decision}.\n\n{link}',
    },
  },
  policy_approval_requested: {
    en: {
      subject: 'Four-eyes approval needed: portfolio policy {policy}',
      body: 'An admin proposed portfolio policy {policy} (concentration limits); it waits for a second admin to approve or reject it.\n\nReview it: {link}',
    },
    es: {
      subject: 'Se necesita una segunda aprobación: política de cartera {policy}',
      body: 'Un administrador propuso la política de cartera {policy} (límites de concentración); espera que un segundo administrador la apruebe o la rechace.\n\nRevísela: {link}',
    },
    'pt-BR': {
      subject: 'Aprovação de quatro olhos necessária: política de carteira {policy}',
      body: 'Um administrador propôs a política de carteira {policy} (limites de concentração); ela aguarda que um segundo administrador a aprove ou rejeite.\n\nRevise: {link}',
    },
  },
  information_requested: {
    en: {
      subject: '[{reference}] The fund asked you a question',
      body: 'An officer opened an information request on {title}. Stage moves wait for your answer.\n\nAnswer it: {link}',
    },
    es: {
      subject: '[{reference}] El fondo le hizo una pregunta',
      body: 'Un oficial abrió una solicitud de información sobre {title}. La solicitud no avanza hasta su respuesta.\n\nResponda: {link}',
    },
    'pt-BR': {
      subject: '[{reference}] O fundo fez uma pergunta',
      body: 'Um analista abriu um pedido de informação sobre {title}. A solicitação só avança após sua resposta.\n\nResponda: {link}',
    },
  },
  information_answered: {
    en: {
      subject: '[{reference}] The sponsor answered',
      body: 'The sponsor answered an information request on {title}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] El patrocinador respondió',
      body: 'El patrocinador respondió una solicitud de información sobre {title}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] O patrocinador respondeu',
      body: 'O patrocinador respondeu a um pedido de informação sobre {title}.\n\n{link}',
    },
  },
  vote_opened: {
    en: {
      subject: '[{reference}] Investment committee: your vote',
      body: '{title} is before the investment committee. Read the IC pack and vote, or declare a conflict of interest.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Comité de inversiones: su voto',
      body: '{title} está ante el comité de inversiones. Lea el paquete del comité y vote, o declare un conflicto de interés.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Comitê de investimentos: seu voto',
      body: '{title} está no comitê de investimentos. Leia o pacote do comitê e vote, ou declare conflito de interesse.\n\n{link}',
    },
  },
  committee_decided: {
    en: {
      subject: '[{reference}] Committee decision: {decision}',
      body: 'The investment committee decided on {title}: {decision}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Decisión del comité: {decision}',
      body: 'El comité de inversiones decidió sobre {title}: {decision}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Decisão do comitê: {decision}',
      body: 'O comitê de investimentos decidiu sobre {title}: {decision}.\n\n{link}',
    },
  },
  assigned: {
    en: { subject: '[{reference}] Assigned to you', body: '{title} is now assigned to you.\n\n{link}' },
    es: { subject: '[{reference}] Asignada a usted', body: '{title} ahora está asignada a usted.\n\n{link}' },
    'pt-BR': {
      subject: '[{reference}] Atribuída a você',
      body: '{title} agora está atribuída a você.\n\n{link}',
    },
  },
  disbursement_requested: {
    en: {
      subject: '[{reference}] Disbursement requested: {amountUsd}',
      body: 'The sponsor of {title} requested {amountUsd} from tranche {trancheId}. Check the tranche conditions and propose it.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Desembolso solicitado: {amountUsd}',
      body: 'El patrocinador de {title} solicitó {amountUsd} del tramo {trancheId}. Verifique las condiciones del tramo y propóngalo.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Desembolso solicitado: {amountUsd}',
      body: 'O patrocinador de {title} solicitou {amountUsd} da parcela {trancheId}. Verifique as condições da parcela e proponha-o.\n\n{link}',
    },
  },
  disbursement_declined: {
    en: {
      subject: '[{reference}] Disbursement request declined',
      body: 'An officer declined a disbursement request on {title}. The reason is on the request.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Solicitud de desembolso rechazada',
      body: 'Un oficial rechazó una solicitud de desembolso de {title}. El motivo figura en la solicitud.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Pedido de desembolso recusado',
      body: 'Um analista recusou um pedido de desembolso de {title}. O motivo está no pedido.\n\n{link}',
    },
  },
  disbursement_made: {
    en: {
      subject: '[{reference}] Disbursed: {amountUsd}',
      body: '{amountUsd} was disbursed to {title} with value date {valueDate}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Desembolsado: {amountUsd}',
      body: 'Se desembolsaron {amountUsd} a {title} con fecha valor {valueDate}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Desembolsado: {amountUsd}',
      body: '{amountUsd} foram desembolsados para {title} com data-valor {valueDate}.\n\n{link}',
    },
  },
  esap_item_created: {
    en: {
      subject: '[{reference}] New ESAP item ({standard}), due {dueDate}',
      body: 'The fund added an Environmental and Social Action Plan item under {standard} to {title}, due {dueDate}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Nueva acción del PAAS ({standard}), vence el {dueDate}',
      body: 'El fondo agregó una acción del Plan de Acción Ambiental y Social bajo {standard} a {title}, con vencimiento el {dueDate}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Novo item do PAAS ({standard}), prazo {dueDate}',
      body: 'O fundo adicionou um item do Plano de Ação Ambiental e Social sob {standard} a {title}, com prazo em {dueDate}.\n\n{link}',
    },
  },
  esap_item_done: {
    en: {
      subject: '[{reference}] ESAP item ready for verification',
      body: 'The sponsor of {title} marked an ESAP item done, with evidence. Verify it.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Acción del PAAS lista para verificar',
      body: 'El patrocinador de {title} marcó una acción del PAAS como hecha, con evidencia. Verifíquela.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Item do PAAS pronto para verificação',
      body: 'O patrocinador de {title} marcou um item do PAAS como concluído, com evidências. Verifique-o.\n\n{link}',
    },
  },
  esap_item_reviewed: {
    en: {
      subject: '[{reference}] ESAP item {status}',
      body: 'An officer reviewed an ESAP item of {title}: {status}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Acción del PAAS: {status}',
      body: 'Un oficial revisó una acción del PAAS de {title}: {status}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Item do PAAS: {status}',
      body: 'Um analista revisou um item do PAAS de {title}: {status}.\n\n{link}',
    },
  },
  amr_submitted: {
    en: {
      subject: '[{reference}] Annual monitoring report {year} submitted',
      body: 'The annual monitoring report {year} of {title} is in; covenants were tested.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Informe anual de monitoreo {year} presentado',
      body: 'Se presentó el informe anual de monitoreo {year} de {title}; se evaluaron los compromisos.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Relatório anual de monitoramento {year} enviado',
      body: 'O relatório anual de monitoramento {year} de {title} foi enviado; os covenants foram testados.\n\n{link}',
    },
  },
  incident_reported: {
    en: {
      subject: '[{reference}] Incident reported: {kind}, severity {severity}',
      body: 'An incident ({kind}, severity {severity}) was reported on {title}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Incidente reportado: {kind}, severidad {severity}',
      body: 'Se reportó un incidente ({kind}, severidad {severity}) en {title}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Incidente relatado: {kind}, severidade {severity}',
      body: 'Um incidente ({kind}, severidade {severity}) foi relatado em {title}.\n\n{link}',
    },
  },
  watchlist_added: {
    en: {
      subject: '[{reference}] On the watchlist',
      body: '{title} was put on the watchlist: {detail}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] En la lista de vigilancia',
      body: '{title} pasó a la lista de vigilancia: {detail}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Na lista de observação',
      body: '{title} entrou na lista de observação: {detail}.\n\n{link}',
    },
  },
  watchlist_cleared: {
    en: {
      subject: '[{reference}] Watchlist reason cleared',
      body: 'A watchlist reason of {title} was cleared: {detail}.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Motivo de vigilancia resuelto',
      body: 'Se resolvió un motivo de vigilancia de {title}: {detail}.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Motivo de observação encerrado',
      body: 'Um motivo de observação de {title} foi encerrado: {detail}.\n\n{link}',
    },
  },
  work_overdue: {
    en: {
      subject: '[{reference}] Overdue: {kind}',
      body: 'Work on {title} ({kind}) was due {dueAt} and is overdue.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Vencido: {kind}',
      body: 'Una tarea de {title} ({kind}) vencía el {dueAt} y está atrasada.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Atrasado: {kind}',
      body: 'Uma tarefa de {title} ({kind}) vencia em {dueAt} e está atrasada.\n\n{link}',
    },
  },
  work_escalated: {
    en: {
      subject: '[{reference}] Escalated: {kind} overdue since {dueAt}',
      body: 'Work on {title} ({kind}) has been overdue since {dueAt}; it is escalated to every officer.\n\n{link}',
    },
    es: {
      subject: '[{reference}] Escalado: {kind} vencido desde {dueAt}',
      body: 'Una tarea de {title} ({kind}) está vencida desde el {dueAt}; se escala a todos los oficiales.\n\n{link}',
    },
    'pt-BR': {
      subject: '[{reference}] Escalado: {kind} atrasado desde {dueAt}',
      body: 'Uma tarefa de {title} ({kind}) está atrasada desde {dueAt}; foi escalada para todos os analistas.\n\n{link}',
    },
  },
  password_reset: {
    en: {
      subject: 'Reset your FORGE Pipeline password',
      body: 'Someone asked to reset the password of this account. If it was you, follow this link (it expires soon): {resetUrl}\n\nIf not, ignore this email.',
    },
    es: {
      subject: 'Restablezca su contraseña de FORGE Pipeline',
      body: 'Alguien pidió restablecer la contraseña de esta cuenta. Si fue usted, siga este enlace (vence pronto): {resetUrl}\n\nSi no, ignore este correo.',
    },
    'pt-BR': {
      subject: 'Redefina sua senha do FORGE Pipeline',
      body: 'Alguém pediu para redefinir a senha desta conta. Se foi você, siga este link (expira em breve): {resetUrl}\n\nSe não, ignore este e-mail.',
    },
  },
};

/** Labels of the words templates insert, per locale (maker-checker actions, decisions, work kinds …). */
const LABELS: Readonly<Record<EmailLocale, Readonly<Record<string, string>>>> = {
  en: {
    'check.waive': 'check waiver',
    'screening.false_positive': 'sanctions false positive',
    'category.downgrade': 'E&S category downgrade',
    'risk.override': 'risk band override',
    'condition.satisfy': 'condition precedent satisfied',
    'disbursement.release': 'disbursement',
    'application.write_off': 'write-off',
    approved: 'approved',
    rejected: 'rejected',
    verified: 'verified',
    in_progress: 'returned for more work',
    stage: 'stage budget',
    information_request: 'information request',
    approval: 'four-eyes approval',
    vote: 'committee vote',
    disbursement_request: 'disbursement request',
    esap_item: 'ESAP item',
    amr: 'annual monitoring report',
    fatality: 'fatality',
    serious_injury: 'serious injury',
    tailings: 'tailings',
    spill: 'spill',
    community_conflict: 'community conflict',
    security: 'security',
    other: 'other',
  },
  es: {
    'check.waive': 'dispensa de control',
    'screening.false_positive': 'falso positivo de sanciones',
    'category.downgrade': 'rebaja de categoría A&S',
    'risk.override': 'ajuste de banda de riesgo',
    'condition.satisfy': 'condición previa cumplida',
    'disbursement.release': 'desembolso',
    'application.write_off': 'castigo contable',
    approved: 'aprobada',
    rejected: 'rechazada',
    verified: 'verificada',
    in_progress: 'devuelta para más trabajo',
    stage: 'plazo de la etapa',
    information_request: 'solicitud de información',
    approval: 'doble aprobación',
    vote: 'voto del comité',
    disbursement_request: 'solicitud de desembolso',
    esap_item: 'acción del PAAS',
    amr: 'informe anual de monitoreo',
    fatality: 'fatalidad',
    serious_injury: 'lesión grave',
    tailings: 'relaves',
    spill: 'derrame',
    community_conflict: 'conflicto comunitario',
    security: 'seguridad',
    other: 'otro',
  },
  'pt-BR': {
    'check.waive': 'dispensa de verificação',
    'screening.false_positive': 'falso positivo de sanções',
    'category.downgrade': 'rebaixamento de categoria A&S',
    'risk.override': 'ajuste de faixa de risco',
    'condition.satisfy': 'condição precedente cumprida',
    'disbursement.release': 'desembolso',
    'application.write_off': 'baixa contábil',
    approved: 'aprovada',
    rejected: 'rejeitada',
    verified: 'verificado',
    in_progress: 'devolvido para mais trabalho',
    stage: 'prazo da etapa',
    information_request: 'pedido de informação',
    approval: 'aprovação de quatro olhos',
    vote: 'voto do comitê',
    disbursement_request: 'pedido de desembolso',
    esap_item: 'item do PAAS',
    amr: 'relatório anual de monitoramento',
    fatality: 'fatalidade',
    serious_injury: 'lesão grave',
    tailings: 'rejeitos',
    spill: 'derramamento',
    community_conflict: 'conflito comunitário',
    security: 'segurança',
    other: 'outro',
  },
};

/** The parameters whose values are words to translate. */
const LABELLED = ['action', 'decision', 'status', 'kind'];

const SEPARATOR: Record<EmailLocale, string> = { en: ',', es: '.', 'pt-BR': '.' };

/** `US$40,000,000` (en) or `US$ 40.000.000` (es, pt-BR), from integer dollars as text. */
export function formatUsd(amount: string, locale: EmailLocale): string {
  if (!/^\d+$/.test(amount)) return amount;
  const grouped = amount.replace(/\B(?=(\d{3})+(?!\d))/g, SEPARATOR[locale]);
  return locale === 'en' ? `US$${grouped}` : `US$ ${grouped}`;
}

export interface RenderedEmail {
  locale: EmailLocale;
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}

/**
 * Renders a template in `locale` (any tag; see `emailLocale`). `params` may carry `reference`,
 * `title`, `link` and the template's own fields; words with a label (actions, decisions, work
 * kinds) and amounts (`amountUsd`) are localised.
 */
export function renderEmail(
  template: EmailTemplateId,
  localeTag: string | null | undefined,
  params: Readonly<Record<string, string>>,
): RenderedEmail {
  const locale = emailLocale(localeTag);
  const text = TEMPLATES[template]?.[locale];
  if (text === undefined)
    throw new DomainError('NOTIFICATION.UNKNOWN_TEMPLATE', `no email template ${template}`);
  const value = (name: string): string => {
    const raw = params[name];
    if (raw === undefined)
      throw new DomainError('NOTIFICATION.TEMPLATE_PARAMS', `template ${template} needs {${name}}`);
    if (name === 'amountUsd') return formatUsd(raw, locale);
    return LABELLED.includes(name) ? (LABELS[locale][raw] ?? raw) : raw;
  };
  const fill = (s: string, transform: (v: string) => string) =>
    s.replace(/\{([a-zA-Z]+)\}/g, (_m, name: string) => transform(value(name)));
  const subject = fill(text.subject, (v) => v.replace(/[\r\n]+/g, ' ')).slice(0, 250);
  const body = `${fill(text.body, (v) => v)}\n\n-- \n${FOOTER[locale]}\n`;
  const htmlBody = fill(escapeHtml(text.body), (v) => escapeHtml(v))
    .split('\n\n')
    .map((para) => `<p>${para.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const html = `<!doctype html>\n<html lang="${locale}"><body>\n${htmlBody}\n<p style="color:#666;font-size:small">${escapeHtml(FOOTER[locale])}</p>\n</body></html>\n`;
  return { locale, subject, text: body, html };
}

/** The placeholders a template uses (for callers that gather parameters, and for tests). */
export function templateParams(template: EmailTemplateId): string[] {
  const names = new Set<string>();
  for (const locale of EMAIL_LOCALES) {
    const t = TEMPLATES[template][locale];
    for (const m of `${t.subject} ${t.body}`.matchAll(/\{([a-zA-Z]+)\}/g)) names.add(m[1]);
  }
  return [...names].sort();
}
