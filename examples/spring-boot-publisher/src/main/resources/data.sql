-- A few services, checked last week, so that they are as fresh as the strict profile asks, whenever this runs.
INSERT INTO service VALUES
  ('6f1c2a3e-8d4b-4c5a-9e7f-0a1b2c3d4e01', 'Hillside Foodbank', 'Free food parcels for families referred by a GP, school or advice service.',
   'active', 'foodbank@hillside.example.org', 'https://hillside.example.org/foodbank', '0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e01',
   'Hillside Community Trust', 'A local charity running food and advice services.', DATEADD('DAY', -7, CURRENT_DATE), DATEADD('DAY', -7, CURRENT_TIMESTAMP)),
  ('6f1c2a3e-8d4b-4c5a-9e7f-0a1b2c3d4e02', 'Money Advice Drop-in', 'Free, confidential help with debt, benefits and budgeting.',
   'active', 'advice@hillside.example.org', 'https://hillside.example.org/advice', '0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e01',
   'Hillside Community Trust', 'A local charity running food and advice services.', DATEADD('DAY', -5, CURRENT_DATE), DATEADD('DAY', -5, CURRENT_TIMESTAMP)),
  ('6f1c2a3e-8d4b-4c5a-9e7f-0a1b2c3d4e03', 'Family Hub Stay and Play', 'Weekly play sessions for children under five and their carers.',
   'active', 'families@riverside.example.org', 'https://riverside.example.org/family-hub', '0c9d8e7f-6a5b-4c3d-8e1f-2a3b4c5d6e02',
   'Riverside Council', 'The local authority for Riverside.', DATEADD('DAY', -3, CURRENT_DATE), DATEADD('DAY', -3, CURRENT_TIMESTAMP));
