/** Per-user notes, the data the MCP tools read and change. */
export interface Note {
  readonly id: string;
  readonly text: string;
}

export class NotesStore {
  readonly #notes = new Map<string, Note[]>();
  #nextId = 1;

  /** One welcome note naming its owner, so a harness sees at once whose notes a token reads. */
  seed(userId: string, text: string): void {
    this.add(userId, text);
  }

  list(userId: string): Note[] {
    return [...(this.#notes.get(userId) ?? [])];
  }

  search(userId: string, query: string): Note[] {
    const needle = query.toLowerCase();
    return this.list(userId).filter((note) => note.text.toLowerCase().includes(needle));
  }

  add(userId: string, text: string): Note {
    const note: Note = { id: `note-${this.#nextId++}`, text };
    this.#notes.set(userId, [...this.list(userId), note]);
    return note;
  }

  /** Deletes every note of the user; returns how many there were. */
  purge(userId: string): number {
    const count = this.list(userId).length;
    this.#notes.set(userId, []);
    return count;
  }
}
