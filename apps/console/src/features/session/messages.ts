import { defineMessages } from '../../i18n/messages';

export const sessionMessages = defineMessages({
  en: {
    login: {
      title: 'Log in to Dealgate',
      email: 'E-mail',
      password: 'Password',
      submit: 'Log in',
      failed: 'The e-mail or the password is wrong.',
      throttled: 'Too many attempts. Wait a minute and try again.',
    },
    expired: {
      title: 'Your session has ended',
      body: 'You were away for a while, or you logged in elsewhere and changed your password. Log in again to go on where you were.',
      again: 'Log in again',
    },
    password: {
      title: 'Change your password',
      firstTime: 'Your password was generated or set by an administrator. Choose your own before you go on.',
      current: 'Current password',
      next: 'New password',
      nextHint: 'At least 12 characters, not containing your e-mail or name.',
      repeat: 'New password again',
      mismatch: 'The two new passwords differ.',
      submit: 'Change password',
      done: 'Your password is changed. Log in with the new one.',
    },
  },
  hu: {
    login: {
      title: 'Belépés a Dealgate-be',
      email: 'E-mail-cím',
      password: 'Jelszó',
      submit: 'Belépés',
      failed: 'Hibás e-mail-cím vagy jelszó.',
      throttled: 'Túl sok próbálkozás. Várj egy percet, és próbáld újra.',
    },
    expired: {
      title: 'A munkamenet lejárt',
      body: 'Egy ideje nem voltál itt, vagy máshol beléptél és jelszót cseréltél. Lépj be újra, és folytasd, ahol abbahagytad.',
      again: 'Belépés újra',
    },
    password: {
      title: 'Jelszócsere',
      firstTime:
        'A jelszavadat a rendszer generálta vagy egy adminisztrátor állította be. Mielőtt továbblépsz, válassz sajátot.',
      current: 'Jelenlegi jelszó',
      next: 'Új jelszó',
      nextHint: 'Legalább 12 karakter, nem tartalmazhatja az e-mail-címed vagy a neved.',
      repeat: 'Új jelszó még egyszer',
      mismatch: 'A két új jelszó nem egyezik.',
      submit: 'Jelszó cseréje',
      done: 'A jelszavad megváltozott. Lépj be az újjal.',
    },
  },
});
