/** Certificate routes of apps/api (see packages/contracts/src/certificates.ts), relative to API_PREFIX. */
export const certificatePaths = {
  templates: '/certificate-templates',
  template: (id: string) => `/certificate-templates/${id}`,
  templatePreview: '/certificate-templates/preview',
  assets: '/certificate-assets',
  asset: (id: string) => `/certificate-assets/${id}`,
  settings: '/certificate-settings',
  courseSettings: (courseId: string) => `/courses/${courseId}/certificate-settings`,
  certificates: '/certificates',
  certificate: (id: string) => `/certificates/${id}`,
  pdf: (id: string) => `/certificates/${id}/pdf`,
  credential: (id: string) => `/certificates/${id}/credential`,
  revoke: (id: string) => `/certificates/${id}/revoke`,
  bulk: (courseId: string) => `/courses/${courseId}/certificates/bulk`,
  jobs: '/certificate-jobs',
  job: (id: string) => `/certificate-jobs/${id}`,
  jobItems: (id: string) => `/certificate-jobs/${id}/items`,
};

/** The page of the portal that reads one asset (the `<img>` in the designer; same origin, cookie sent). */
export const assetUrl = (id: string) => `/api${certificatePaths.asset(id)}`;
