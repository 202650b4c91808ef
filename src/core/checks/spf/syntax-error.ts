/** A record that breaks RFC 7208's grammar: check_host() returns permerror (§4.6). */
export class SpfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpfSyntaxError';
  }
}
