import { applyDecorators, Body, Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { ApiAbsent, ApiIdempotencyKey, ApiIfMatch, ApiInvalidInput, ApiSignedIn, ETAG_HEADER, IDEMPOTENT_REPLAYED_HEADER } from '../common/api-docs.js';
import { IdempotentReplayHeader } from '../common/idempotency/idempotent-creations.js';
import { Idempotent, type IdempotentRequest } from '../common/idempotency/idempotent-request.decorator.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { EtagHeader } from '../common/etag-header.interceptor.js';
import { UuidParam } from '../common/uuid-param.js';
import { AppointmentsService } from './appointments.service.js';
import { AppointmentPageDto } from './dto/appointment-page.dto.js';
import { AppointmentDto } from './dto/appointment.dto.js';
import { BookAppointmentDto } from './dto/book-appointment.dto.js';
import { ListAppointmentsQueryDto } from './dto/list-appointments-query.dto.js';
import { RescheduleAppointmentDto } from './dto/reschedule-appointment.dto.js';

/** The action routes' shared answers: 200 with the moved appointment, or 409 from any other status. */
const Transition = (summary: string, allowedFrom: string) =>
  applyDecorators(
    HttpCode(HttpStatus.OK),
    UseInterceptors(EtagHeader),
    ApiOperation({ summary, description: `Allowed only from ${allowedFrom}; any other status answers 409 and changes nothing.` }),
    ApiOkResponse({ type: AppointmentDto, headers: ETAG_HEADER }),
    ApiInvalidInput('id is not a UUID'),
    ApiAbsent('No such appointment'),
    ApiConflictResponse({ type: ErrorResponseDto, description: 'The appointment is not in a status this move starts from' }),
  );

@ApiTags('appointments')
@ApiSignedIn()
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Get()
  @Access('GET /api/v1/appointments')
  @ApiOperation({ summary: 'Find appointments by provider, patient, time window and status', description: 'Ordered by appointmentDate, then id.' })
  @ApiOkResponse({ type: AppointmentPageDto })
  @ApiInvalidInput('Invalid filter (malformed UUID or date-time, unknown status), limit or cursor')
  listAppointments(@Query() query: ListAppointmentsQueryDto): Promise<AppointmentPageDto> {
    return this.appointments.listAppointments(query);
  }

  @Post()
  @Access('POST /api/v1/appointments')
  @UseInterceptors(EtagHeader, IdempotentReplayHeader)
  @ApiOperation({ summary: 'Book an appointment', description: 'The provider must be an active clinician or admin; a provider never has two overlapping active appointments.' })
  @ApiCreatedResponse({ type: AppointmentDto, headers: { ...ETAG_HEADER, ...IDEMPOTENT_REPLAYED_HEADER } })
  @ApiInvalidInput('Invalid input, a provider who is deactivated or staff, or a malformed Idempotency-Key')
  @ApiAbsent('No such patient, or no such provider')
  @ApiIdempotencyKey()
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The provider already has an overlapping active appointment, the patient is archived, or the Idempotency-Key was used in the last 24 hours with another body',
  })
  bookAppointment(@Body() booking: BookAppointmentDto, @Idempotent() idempotent?: IdempotentRequest): Promise<AppointmentDto> {
    return this.appointments.bookAppointment(booking, idempotent);
  }

  @Get(':id')
  @Access('GET /api/v1/appointments/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'One appointment' })
  @ApiOkResponse({ type: AppointmentDto, headers: ETAG_HEADER })
  @ApiInvalidInput('id is not a UUID')
  @ApiAbsent('No such appointment')
  getAppointment(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.getAppointment(id);
  }

  @Patch(':id')
  @Access('PATCH /api/v1/appointments/{id}')
  @UseInterceptors(EtagHeader)
  @ApiOperation({ summary: 'Move an appointment: its time, length or type', description: 'Only while scheduled. Fields left out stay as they are.' })
  @ApiOkResponse({ type: AppointmentDto, headers: ETAG_HEADER })
  @ApiInvalidInput()
  @ApiAbsent('No such appointment')
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The appointment is no longer scheduled, or the new time overlaps another of the provider' })
  @ApiIfMatch()
  rescheduleAppointment(@UuidParam('id') id: string, @Body() update: RescheduleAppointmentDto, @Headers('if-match') ifMatch?: string): Promise<AppointmentDto> {
    return this.appointments.rescheduleAppointment(id, update, ifMatch);
  }

  @Post(':id/check-in')
  @Access('POST /api/v1/appointments/{id}/check-in')
  @Transition('Check the patient in', 'scheduled')
  checkIn(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.moveAppointment(id, 'check-in');
  }

  @Post(':id/start')
  @Access('POST /api/v1/appointments/{id}/start')
  @Transition('Start the visit', 'checked_in')
  startVisit(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.moveAppointment(id, 'start');
  }

  @Post(':id/complete')
  @Access('POST /api/v1/appointments/{id}/complete')
  @Transition('Complete the visit', 'in_progress')
  completeVisit(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.moveAppointment(id, 'complete');
  }

  @Post(':id/cancel')
  @Access('POST /api/v1/appointments/{id}/cancel')
  @Transition('Cancel the appointment (frees its slot)', 'scheduled or checked_in')
  cancelAppointment(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.moveAppointment(id, 'cancel');
  }

  @Post(':id/no-show')
  @Access('POST /api/v1/appointments/{id}/no-show')
  @Transition('Mark the patient as not having come (frees the slot)', 'scheduled')
  markNoShow(@UuidParam('id') id: string): Promise<AppointmentDto> {
    return this.appointments.moveAppointment(id, 'no-show');
  }
}
