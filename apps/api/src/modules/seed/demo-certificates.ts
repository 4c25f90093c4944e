import { EntityManager } from 'typeorm';
import { defaultTemplateContent } from '../certificates/default-template';

/**
 * A default certificate template per demo agency (signed by its head of BKPSDM), and the demo
 * courses that issue a certificate on completion pointed at it, so issuing works from the first minute.
 */
export async function seedDemoCertificates(tx: EntityManager, ids: { agencies: Map<string, string> }): Promise<void> {
  for (const [code, agencyId] of ids.agencies) {
    const content = defaultTemplateContent({ name: `Kepala BKPSDM ${code}`, title: 'Kepala Badan Kepegawaian dan Pengembangan SDM', nip: null });
    const [template] = await tx.query(`INSERT INTO certificate_templates (agency_id, name, current_version) VALUES ($1, $2, 1) RETURNING id`, [agencyId, content.name]);
    await tx.query(`INSERT INTO certificate_template_versions (template_id, version, content) VALUES ($1, 1, $2)`, [template.id, JSON.stringify(content)]);
    await tx.query(
      `INSERT INTO course_certificate_settings (course_id, auto_issue, template_id)
       SELECT id, true, $2 FROM courses WHERE agency_id = $1 AND certificate_on_completion`,
      [agencyId, template.id],
    );
  }
}
