/** What Backstory stores, where, and the promise that none of it leaves the browser. */
export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <ul>
        <li>
          <strong>Data packs</strong> (cast, notes, comic mappings) ship inside the extension and are copied into an IndexedDB
          database that belongs to the extension, not to Netflix. The same database keeps a ready-made search index for the
          toolbar popup, limited to what your spoiler guard allows; it is rebuilt whenever that changes.
        </li>
        <li>
          <strong>Your progress</strong> (the furthest episode watched, the comics you have read), the episodes Backstory
          recognised and your corrections live in that same database, on this device.
        </li>
        <li>
          <strong>Settings</strong>, and how far you have read the comics, are kept in your browser's extension sync storage, so
          they follow you if you sign in to the browser. What you have watched stays on this device.
        </li>
        <li>
          On Netflix, Backstory reads the page you are on to tell which episode is playing. The only request it makes is to
          Netflix itself, for the metadata of the video you are watching, and only when the player does not already say.
        </li>
        <li>
          <strong>Nothing is sent anywhere else.</strong> No analytics, no remote code, no accounts. Backstory works offline.
        </li>
      </ul>
    </section>
  );
}
