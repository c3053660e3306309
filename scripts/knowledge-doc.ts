// Writes docs/knowledge.md from the knowledge files (see server/src/knowledge/doc.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { knowledgeDoc } from '../server/src/knowledge/doc';

writeFileSync(join(__dirname, '..', 'docs', 'knowledge.md'), knowledgeDoc());
