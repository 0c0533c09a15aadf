import { openDatabase } from './dist/src/store/database.js';
const db = await openDatabase(process.argv[2]);
for (const sql of process.argv.slice(3)) console.log(JSON.stringify(await db.query(sql)).slice(0, 3000));
await db.close();
