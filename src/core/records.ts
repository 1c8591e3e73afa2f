/**
 * A kind of record an owner keeps (the QdrantApp for what is app-wide, a stack chart
 * for what its delivery wrote for it): typed, with the value it starts from. The module
 * that uses a record declares its key, so the owner needs to know nothing of it.
 */
export class RecordKey<T> {
  constructor(
    /** What the record holds, for reading the code. */
    public readonly description: string,
    /** Its value before anything was recorded. */
    public readonly initial: () => T,
  ) {}
}

/** The records of one owner, one per key, each made on first use. */
export class Records {
  private readonly values = new Map<RecordKey<unknown>, unknown>();

  /** The record of `key`, made from its initial value the first time. */
  public of<T>(key: RecordKey<T>): T {
    if (!this.values.has(key)) this.values.set(key, key.initial());
    return this.values.get(key) as T;
  }

  /** Sets the record of `key` (its owner, once, from its props). */
  public put<T>(key: RecordKey<T>, value: T): void {
    this.values.set(key, value);
  }
}
