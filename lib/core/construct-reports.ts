import { IConstruct } from 'constructs';

/**
 * Reports an app-wide validation's errors under the constructs they are
 * about. cdk8s prints each validation error as `[<path of the construct that
 * registered it>] <message>`; an app-wide validation registered on the App
 * would print `[] …` for every error, naming nothing. So the app-wide pass
 * hands each message to the construct it concerns, which gets (once) a
 * validation of its own returning the latest messages. cdk8s validates
 * constructs in tree order, parents first, so those run after the app-wide
 * pass, in the same synth.
 */
export class ConstructReports {
  private messages = new Map<IConstruct, string[]>();
  private readonly registered = new WeakSet<IConstruct>();

  /** Forgets the messages of the last pass; call at the start of each app-wide pass. */
  public reset(): void {
    this.messages = new Map();
  }

  /** Reports `message` (without a path prefix: cdk8s adds the construct's) under `construct`. */
  public report(construct: IConstruct, message: string): void {
    if (!this.registered.has(construct)) {
      this.registered.add(construct);
      construct.node.addValidation({ validate: () => this.messages.get(construct) ?? [] });
    }
    const list = this.messages.get(construct);
    if (list) list.push(message);
    else this.messages.set(construct, [message]);
  }
}
