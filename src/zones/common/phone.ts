// The phone moment every zone has (the script's phone_rings): did it ring, did the visitor use it
// where it counts (on the road, while riding), and did a ring end untouched (the credit for
// leaving it in the pocket). A ring counts from its start, so one that is still ringing when a task
// ends is not counted again for the next.
export class PhoneWatch {
  /** a ring started since the last reset */
  rang = false;
  /** the visitor used the phone where it counts since the last reset */
  used = false;
  private wasRinging = false;

  /** Once per frame: is it ringing now, is the visitor using it now. True when a ring just ended untouched. */
  update(ringing: boolean, using: boolean): boolean {
    if (ringing && !this.wasRinging) this.rang = true;
    if (using) this.used = true;
    const ended = this.wasRinging && !ringing;
    this.wasRinging = ringing;
    return ended && !this.used;
  }

  /** it rang and was left alone */
  get ignored(): boolean {
    return this.rang && !this.used;
  }

  /** a new task: forget this one's ring and use (a ring in progress stays in progress) */
  reset(): void {
    this.rang = this.used = false;
  }
}
