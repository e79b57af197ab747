/** German: the keys of ../en/workshop.ts, each in German (the compiler names a missing or extra key). */
import type { Messages } from '../../i18n/messages.ts';
import type en from '../en/workshop.ts';

export default {
  'workshop.keyNotInLab': 'der private Schlüssel von {name} ist nicht in dieser Übung (setzen Sie die Übung zurück und erzeugen Sie ihn erneut)',
  'workshop.noCa': 'keine CA mit der ID {id}',
  'workshop.nothingToPrint': 'nichts auszugeben',
  'workshop.noStep': 'kein Schritt {step} in der Übung {lab}',
  'workshop.earlierStepsFirst': 'erst die früheren Schritte ausführen: {missing} fehlt',
  'workshop.notMadeYet': '{name} wurde noch nicht erzeugt: Erledigen Sie zuerst den vorigen Schritt',
} satisfies Messages<typeof en>;
